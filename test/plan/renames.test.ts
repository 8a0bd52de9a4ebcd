import { describe, expect, it } from "vitest";
import { phases } from "../../src/apply/apply-plan.js";
import { recordLastApplied } from "../../src/apply/record-last-applied.js";
import type { LastAppliedRecord } from "../../src/model/last-applied.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import { mapKey, type Snapshot } from "../../src/model/snapshot.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import type { Plan } from "../../src/plan/plan.js";
import { buildSelectedPlan, recordedDesired, selectChangedMaps, type MapSelection } from "../../src/plan/select-maps.js";
import { plain } from "../../src/report/colour.js";
import { renderPlanJson } from "../../src/report/plan/json.js";
import { renderPlanMarkdown } from "../../src/report/plan/markdown.js";
import { renderPlanText } from "../../src/report/plan/text.js";
import { createdAt, editFile, lastAppliedFor, liveFromDesired, loadDesired, pairDesired, planEstate, planOf, steps } from "./builders.js";
import { simulate } from "./simulate.js";
import { validatePlan } from "./validate-plan.js";

const oldFile = "maps/tablemaps/legal-entities.yaml";
const newFile = "maps/tablemaps/legal-entities-cdm-companies.yaml";

function movedFile(...entries: string[]): string {
  return `kind: Moved\nmoved:\n${entries.map((e) => `  - ${e}\n`).join("")}`;
}

const theMove = "{ from: legal-entities, to: legal-entities-cdm-companies }";

/** The plan estate with legal-entities renamed in git (file and name), and these moved entries (none when undefined). */
function renamedEstate(moved: string | undefined, edit: (text: string) => string = (t) => t): Record<string, string> {
  const files = planEstate();
  const text = files[oldFile] ?? "";
  return planEstate({ [oldFile]: undefined, [newFile]: edit(text.replace("name: legal-entities", "name: legal-entities-cdm-companies")), "maps/moved.yaml": moved });
}

/** stage as the last apply left it: every map of the plan estate running, its record naming legal-entities. */
function deployed(): { live: Snapshot; last: LastAppliedRecord } {
  const before = pairDesired(planEstate());
  return { live: liveFromDesired(before), last: lastAppliedFor(before) };
}

const legalEntitiesKey = mapKey({ entity: "LegalEntities", table: "cdm_company" });

/** What apply leaves: the platform as the plan's actions make it, then the record written from it. */
function applied(pd: PairDesired, live: Snapshot, last: LastAppliedRecord, plan: Plan): { live: Snapshot; last: LastAppliedRecord } {
  const after = simulate(live, plan);
  const record = recordLastApplied({ snapshot: after, desired: pd, previous: last, commit: null, planHash: "p".repeat(64), desiredHash: plan.desiredHash, appliedAt: createdAt, actor: "test", runId: "1" });
  return { live: after, last: record };
}

describe("a rename with a moved entry", () => {
  const { live, last } = deployed();
  const pd = pairDesired(renamedEstate(movedFile(theMove)));
  const plan = planOf(pd, { live, lastApplied: last });

  it("is one action, renameMap, in a wave of its own: no stop, save, delete, initial sync or start", () => {
    expect(steps(plan)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
    expect(plan.waves).toEqual([{ index: 1, title: "rename" }]);
    expect(plan.actions[0]).toEqual({
      id: "wave1/rename/legalentities|cdm_company",
      wave: 1,
      kind: "renameMap",
      map: "legal-entities-cdm-companies",
      ref: { entity: "LegalEntities", table: "cdm_company" },
      title: "Legal entities (cdm_companies)",
      from: "legal-entities",
      moved: { file: "maps/moved.yaml", line: 3, column: 5 },
      description:
        "rename Legal entities (cdm_companies) from legal-entities to legal-entities-cdm-companies (only the name dwctl tracks changes; nothing is sent to the platform for it)",
    });
    expect(plan.warnings).toEqual([]);
    expect(plan.blockers).toEqual([]);
    expect(plan.confirmationsRequired).toEqual([]);
    expect(validatePlan(JSON.parse(renderPlanJson(plan)))).toEqual([]);
  });

  it("counts as a change: one to rename, nothing created, updated, deleted or started", () => {
    expect(plan.summary).toMatchObject({ create: 0, update: 0, delete: 0, lifecycle: 0, actions: 1, rename: 1 });
    expect(renderPlanText(plan, plain)).toContain("Plan: 0 to create, 0 to update, 0 to delete, 1 to rename; 0 lifecycle changes.");
    expect(plan.pending.map((p) => p.message)).toEqual(["legal-entities-cdm-companies: renamed in git from legal-entities"]);
  });

  it("renders for people and for a pull request", async () => {
    await expect(renderPlanText(plan, plain)).toMatchFileSnapshot("./__golden__/rename.txt");
    await expect(renderPlanMarkdown(plan)).toMatchFileSnapshot("./__golden__/rename.md");
  });

  it("runs as a phase of its own in apply, and a plan after the record is written has nothing to do", () => {
    expect(phases(plan.actions).map((phase) => phase.map((a) => a.kind))).toEqual([["renameMap"]]);
    const after = applied(pd, live, last, plan);
    expect(after.live).toEqual(live);
    expect(after.last.maps[legalEntitiesKey]?.name).toBe("legal-entities-cdm-companies");
    const next = planOf(pd, { live: after.live, lastApplied: after.last });
    expect(next.actions).toEqual([]);
    expect(next.pending).toEqual([]);
    expect(next.warnings).toEqual([]);
  });

  it("plans the rename again after a run that crashed before the record was written, and nothing worse", () => {
    // The rename comes with an edit: the run stopped, saved and started the map, then crashed.
    const edited = pairDesired(renamedEstate(movedFile(theMove), (t) => t.replace("  - { fo: NAME, map: \">\", dv: cdm_name }\n", "")));
    const first = planOf(edited, { live, lastApplied: last });
    expect(steps(first).map((s) => s.split(" ")[1])).toContain("stopMap");
    const crashed = simulate(live, first);
    const again = planOf(edited, { live: crashed, lastApplied: last });
    expect(steps(again)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
    expect(again.blockers).toEqual([]);
  });

  it("does nothing once the record has the new name: an entry can stay in git for good", () => {
    const renamedRecord = structuredClone(last);
    const entry = renamedRecord.maps[legalEntitiesKey];
    if (entry === undefined) throw new Error("no record entry for legal entities");
    entry.name = "legal-entities-cdm-companies";
    const next = planOf(pd, { live, lastApplied: renamedRecord });
    expect(next.summary.actions).toBe(0);
    expect(next.warnings).toEqual([]);
  });

  it("does nothing for a pair dwctl has not applied to", () => {
    const plan = planOf(pd, { live, lastApplied: undefined });
    expect(plan.actions.filter((a) => a.kind === "renameMap")).toEqual([]);
  });

  it("follows a chain to its end, and names the entry the record's name starts from", () => {
    const chain = pairDesired(renamedEstate(movedFile("{ from: legal-entities, to: companies }", "{ from: companies, to: legal-entities-cdm-companies }")));
    const plan = planOf(chain, { live, lastApplied: last });
    expect(steps(plan)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
    expect(plan.actions[0]).toMatchObject({ from: "legal-entities", moved: { file: "maps/moved.yaml", line: 3, column: 5 } });
    const midway = structuredClone(last);
    const entry = midway.maps[legalEntitiesKey];
    if (entry === undefined) throw new Error("no record entry for legal entities");
    entry.name = "companies";
    expect(planOf(chain, { live, lastApplied: midway }).actions[0]).toMatchObject({ from: "companies", moved: { line: 4 } });
  });

  it("goes with the other actions of the map, which then name it by its new name", () => {
    const edited = pairDesired(renamedEstate(movedFile(theMove), (t) => t.replace("  - { fo: NAME, map: \">\", dv: cdm_name }\n", "")));
    const plan = planOf(edited, { live, lastApplied: last });
    expect(steps(plan)).toEqual([
      "1 renameMap legal-entities-cdm-companies",
      "2 stopMap legal-entities-cdm-companies",
      "3 saveMapDefinition legal-entities-cdm-companies",
      "4 applySolution",
      "5 refreshTables legal-entities-cdm-companies",
      "6 startMap legal-entities-cdm-companies",
    ]);
    expect(plan.actions.find((a) => a.kind === "startMap")).toMatchObject({ initialSync: null });
  });
});

describe("a moved entry that would change the entity or table", () => {
  const { live, last } = deployed();
  const pd = pairDesired(renamedEstate(movedFile(theMove), (t) => t.replace("entity: LegalEntities", "entity: LegalEntitiesV2")));

  it("blocks the plan, pointing at the entry, and says to remove it", () => {
    const plan = planOf(pd, { live, lastApplied: last });
    expect(plan.blockers).toEqual([
      {
        kind: "movedChangesMap",
        path: ["legal-entities", "legal-entities-cdm-companies"],
        location: { file: "maps/moved.yaml", line: 3, column: 5 },
        message:
          "maps/moved.yaml:3:5 the moved entry renames legal-entities to legal-entities-cdm-companies, but legal-entities was applied to stage as LegalEntities and cdm_company and legal-entities-cdm-companies is LegalEntitiesV2 and cdm_company in git. The platform knows a map by its entity and table, so that is another map, and a moved entry cannot change them. Remove the entry: then the plan creates legal-entities-cdm-companies, and deletes legal-entities only with --prune.",
      },
    ]);
    expect(plan.summary.blocked).toBe(true);
    expect(plan.actions.filter((a) => a.kind === "renameMap")).toEqual([]);
    expect(validatePlan(JSON.parse(renderPlanJson(plan)))).toEqual([]);
  });

  it("without the entry, is a new map and a prune of the old one, as before", () => {
    const without = pairDesired(renamedEstate(undefined, (t) => t.replace("entity: LegalEntities", "entity: LegalEntitiesV2")));
    const kept = planOf(without, { live, lastApplied: last });
    expect(kept.blockers).toEqual([]);
    expect(steps(kept).filter((s) => s.includes("stopMap") || s.includes("deleteMap"))).toEqual([]);
    expect(kept.warnings.map((w) => `${w.code} ${w.map ?? ""}`)).toContain("not-pruned legal-entities");
    expect(steps(kept)).toContain("1 saveMapDefinition legal-entities-cdm-companies");
    const pruned = planOf(without, { live, lastApplied: last, prune: true });
    expect(steps(pruned).filter((s) => / (stopMap|deleteMap) legal-entities$/.test(s))).toEqual(["1 stopMap legal-entities", "2 deleteMap legal-entities"]);
  });
});

describe("a rename without a moved entry", () => {
  const { live, last } = deployed();
  const pd = pairDesired(renamedEstate(undefined));
  const plan = planOf(pd, { live, lastApplied: last });

  it("keeps the map (same entity and table), plans the rename of the tracked name, and warns to add the entry", () => {
    expect(steps(plan)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
    expect(plan.actions[0]).toMatchObject({ from: "legal-entities", moved: null });
    expect(plan.warnings).toEqual([
      {
        code: "renamed-without-moved",
        map: "legal-entities-cdm-companies",
        message:
          "Legal entities (cdm_companies) was applied as legal-entities and is named legal-entities-cdm-companies in git (same entity and table, so the same map): dwctl tracks it as legal-entities-cdm-companies from this apply on, and stops or deletes nothing for it. Record the rename in git: add { from: legal-entities, to: legal-entities-cdm-companies } to the moved list of moved.yaml (kind: Moved) beside environments.yaml.",
      },
    ]);
  });

  it("stops or deletes nothing even with --prune", () => {
    const pruned = planOf(pd, { live, lastApplied: last, prune: true });
    expect(steps(pruned)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
  });
});

describe("a map removed from git without a moved entry", () => {
  const { live, last } = deployed();
  const pd = pairDesired(planEstate({ [oldFile]: undefined, "maps/moved.yaml": movedFile("{ from: companies, to: currencies }") }));

  it("is still a prune: a warning without --prune, a stop and a delete with it, never for a protected map", () => {
    const kept = planOf(pd, { live, lastApplied: last });
    expect(kept.actions).toEqual([]);
    expect(kept.warnings.map((w) => w.code)).toEqual(["not-pruned"]);
    const pruned = planOf(pd, { live, lastApplied: last, prune: true });
    expect(steps(pruned)).toEqual(["1 stopMap legal-entities", "2 deleteMap legal-entities"]);
    const guarded = structuredClone(last);
    const entry = guarded.maps[legalEntitiesKey];
    if (entry === undefined) throw new Error("no record entry for legal entities");
    entry.protected = true;
    const protectedPlan = planOf(pd, { live, lastApplied: guarded, prune: true });
    expect(protectedPlan.actions).toEqual([]);
    expect(protectedPlan.warnings.map((w) => w.code)).toEqual(["prune-protected"]);
  });
});

describe("ignore rules and renames", () => {
  const { live, last } = deployed();

  it("warns when a rule of the pair matches the old name and not the new one", () => {
    const files = renamedEstate(movedFile(theMove));
    const environments = editFile(files, "maps/environments.yaml", "    legalEntities: [USMF]\n    auth: { method: github-oidc, tenantId: 72f988bf", "    legalEntities: [USMF]\n    ignore: [{ map: legal-entities, aspects: [state] }, { map: \"*\", aspects: [alerts] }]\n    auth: { method: github-oidc, tenantId: 72f988bf");
    // The first pair (prod) gets the rules; plan prod.
    const pd = pairDesired(environments, "prod");
    const before = pairDesired(planEstate(), "prod");
    const plan = planOf(pd, { live: liveFromDesired(before), lastApplied: lastAppliedFor(before) });
    expect(plan.warnings.map((w) => w.code)).toEqual(["ignore-rule-old-name"]);
    expect(plan.warnings[0]?.message).toContain('the ignore rule "legal-entities" (state) of prod matches the old name legal-entities but not legal-entities-cdm-companies');
  });

  it("applies the new name's rules from the rename on", () => {
    const files = renamedEstate(movedFile(theMove), (t) => t.replace("scope: global\n", "scope: global\nstate: paused\n"));
    const ruled = editFile(files, "maps/environments.yaml", "    refreshedFrom: prod\n", "    refreshedFrom: prod\n    ignore: [{ map: legal-entities-cdm-companies, aspects: [state] }]\n");
    const plan = planOf(pairDesired(ruled), { live, lastApplied: last });
    expect(steps(plan)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
  });
});

describe("a rename in a --changed-since plan", () => {
  const { live, last } = deployed();
  const pd = pairDesired(renamedEstate(movedFile(theMove)));
  const input = { desired: pd, snapshot: live, lastApplied: last, options: { prune: false }, createdAt };

  it("is planned and recorded when the renamed map is in scope", () => {
    const selection: MapSelection = { whole: false, maps: new Set(["legal-entities", "legal-entities-cdm-companies"]), tables: new Set(["cdm_company"]) };
    const plan = buildSelectedPlan(input, selection);
    expect(steps(plan)).toEqual(["1 renameMap legal-entities-cdm-companies"]);
    const record = recordLastApplied({ snapshot: live, desired: recordedDesired(pd, selection, last), previous: last, commit: null, planHash: "p".repeat(64), desiredHash: plan.desiredHash, appliedAt: createdAt, actor: "test", runId: "1" });
    expect(record.maps[legalEntitiesKey]?.name).toBe("legal-entities-cdm-companies");
  });

  it("is in scope when the moved file changed (the renamed map's file did not, in this change)", () => {
    const desired = loadDesired(renamedEstate(movedFile(theMove)));
    const selection = selectChangedMaps(desired, [{ path: "/repo/maps/moved.yaml", exists: true }], (file) => `/repo/${file}`);
    expect([...selection.maps]).toEqual(["legal-entities-cdm-companies"]);
    expect([...selection.tables]).toEqual(["cdm_company"]);
    expect(steps(buildSelectedPlan(input, selection))).toEqual(["1 renameMap legal-entities-cdm-companies"]);
  });

  it("is not planned for a map out of scope, whose record a scoped apply would not rewrite", () => {
    const selection: MapSelection = { whole: false, maps: new Set(["currencies"]), tables: new Set(["transactioncurrency"]) };
    expect(buildSelectedPlan(input, selection).actions).toEqual([]);
  });
});

describe("the desired hash", () => {
  it("changes with the moved entries, and stays what it was for an estate without any", () => {
    const without = buildPlan({ desired: pairDesired(renamedEstate(undefined)), snapshot: deployed().live, lastApplied: undefined, options: { prune: false }, createdAt });
    const withMove = buildPlan({ desired: pairDesired(renamedEstate(movedFile(theMove))), snapshot: deployed().live, lastApplied: undefined, options: { prune: false }, createdAt });
    expect(withMove.desiredHash).not.toBe(without.desiredHash);
    expect("moved" in pairDesired(planEstate())).toBe(false);
  });
});
