import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseYamlFile } from "../config/parse-yaml.js";
import { locate, type SourceFile } from "../config/source-file.js";
import { emptyColumnMetadata, mergeColumnMetadata } from "../model/column-metadata.js";
import { desiredForPair, type PairDesired } from "../model/pair-view.js";
import type { Snapshot } from "../model/snapshot.js";
import type { EnvironmentGateway } from "../live/gateway.js";
import { buildPlan, planInput } from "../plan/build-plan.js";
import { columnScope, findColumnProblems, metadataToRead, type ColumnProblem } from "../plan/check-columns.js";
import { checkIdentity, type ProtectedIdentity } from "../plan/check-identity.js";
import type { ActionOf, Blocker, Plan, PlanWarning } from "../plan/plan.js";
import { summarisePlan } from "../plan/summarise-plan.js";
import type { Desired, EnvironmentPair } from "../model/desired.js";

export interface PlanOptions {
  prune: boolean;
  maxStops: number;
  confirm: string | undefined;
}

/** The one way the CLI turns desired + live into a plan (plan, apply and the stale check share it). */
export function planFor(desired: Desired, pair: EnvironmentPair, snapshot: Snapshot, options: PlanOptions, commit: string | null): { plan: Plan; pairDesired: PairDesired } {
  const pairDesired = desiredForPair(desired, pair);
  return { plan: buildPlan(planInput(pairDesired, snapshot, options, commit)), pairDesired };
}

/**
 * An initial sync with finance and operations as master can only overwrite Dataverse values where a
 * row's integration key exists on both sides. Reads whether each such map's tables hold rows (two
 * one-row reads per map, only for these maps) and keeps the warning where both sides do, naming the
 * conflict rule; where a side is empty there is nothing to conflict with, and the warning goes.
 */
export async function checkInitialSyncConflicts(plan: Plan, pairDesired: PairDesired, gateway: Pick<EnvironmentGateway, "rowsOnBothSides">): Promise<Plan> {
  const flagged = plan.warnings.filter((w) => w.code === "initial-sync-master" && w.map !== null);
  if (flagged.length === 0) return plan;
  const byName = new Map(pairDesired.maps.map((entry) => [entry.map.name, entry.map]));
  const maps = flagged.flatMap((w) => {
    const map = byName.get(w.map ?? "");
    return map === undefined ? [] : [{ name: map.name, title: map.financeAndOperations.label, entity: map.financeAndOperations.entity, entitySet: map.dataverse.entitySet, table: map.dataverse.table }];
  });
  const presence = await gateway.rowsOnBothSides(maps);
  const verdicts = new Map(maps.map((map, index) => [map.name, { map, rows: presence[index] }]));
  const warnings = plan.warnings.flatMap((warning): PlanWarning[] => {
    const verdict = warning.code === "initial-sync-master" ? verdicts.get(warning.map ?? "") : undefined;
    if (verdict === undefined) return [warning];
    const { map, rows } = verdict;
    if (rows?.financeAndOperations === false || rows?.dataverse === false) return [];
    const rule = `conflict rule: with finance and operations as the initial sync master, a row whose integration key exists on both sides takes the finance and operations values, overwriting ${map.table} in Dataverse`;
    if (rows?.financeAndOperations === true && rows.dataverse === true) {
      return [{ ...warning, message: `${map.title} runs an initial sync with finance and operations as master, and both ${map.entity} and ${map.table} hold rows (${rule})` }];
    }
    const unknown = [rows?.financeAndOperations === undefined ? map.entity : undefined, rows?.dataverse === undefined ? map.table : undefined].filter((name) => name !== undefined);
    return [{ ...warning, message: `${map.title} runs an initial sync with finance and operations as master; dwctl could not read whether ${unknown.join(" and ")} hold rows (${rule})` }];
  });
  return { ...plan, warnings, summary: summarisePlan({ ...plan, warnings }) };
}

/** Reads a pair's Dataverse organization id (WhoAmI) without a snapshot; the CLI opens the pair for it. */
export type ReadOrganizationId = (pair: EnvironmentPair) => Promise<string>;

/**
 * Blocks a plan for a non-protected pair whose Dataverse is a protected pair's organization (by
 * WhoAmI, so two URLs of one environment cannot pass for two). Reads each other protected pair's
 * organization id; one that cannot be read becomes a warning that names why.
 */
export async function blockSharedEnvironments(plan: Plan, desired: Desired, pair: EnvironmentPair, snapshot: Snapshot, readOrganizationId: ReadOrganizationId): Promise<Plan> {
  if (pair.protected === true) return plan;
  const others = desired.pairs.filter((other) => other.protected === true && other.name !== pair.name);
  if (others.length === 0) return plan;
  const identities = await Promise.all(
    others.map(async (other): Promise<ProtectedIdentity> => {
      try {
        return { pair: other.name, organizationId: await readOrganizationId(other) };
      } catch (error) {
        return { pair: other.name, unreadable: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const found = checkIdentity({ pair: pair.name, protected: false, organizationId: snapshot.identity.dataverseOrganizationId }, identities);
  if (found.blockers.length === 0 && found.warnings.length === 0) return plan;
  const next = { ...plan, blockers: [...plan.blockers, ...found.blockers], warnings: [...plan.warnings, ...found.warnings] };
  return { ...next, summary: summarisePlan(next) };
}

/**
 * Blocks a plan that saves a map version under a publisher Dataverse does not have: its solution
 * (dwctl_<publisher>) could not be created, and apply would fail at its first save, after the keys
 * wave had written. One GET for every publisher the plan saves under; none when it saves nothing.
 */
export async function checkPublishers(plan: Plan, gateway: Pick<EnvironmentGateway, "missingPublishers">): Promise<Plan> {
  const saves = plan.actions.filter((a): a is ActionOf<"saveMapDefinition"> => a.kind === "saveMapDefinition");
  const publishers = [...new Set(saves.map((a) => a.definition.version.publisher))].sort();
  if (publishers.length === 0) return plan;
  const missing = new Set((await gateway.missingPublishers(publishers)).map((name) => name.toLowerCase()));
  if (missing.size === 0) return plan;
  const blockers: Blocker[] = [...missing].map((name) => {
    const maps = [...new Set(saves.filter((a) => a.definition.version.publisher.toLowerCase() === name).map((a) => a.map))];
    return {
      kind: "unknownPublisher",
      path: maps,
      message: `Dataverse has no publisher ${name}, which ${maps.join(", ")} name${maps.length === 1 ? "s" : ""} in version.publisher: dwctl saves each version into the unmanaged solution dwctl_${name}, which cannot be created without it. Create the publisher in Dataverse (Power Apps, Solutions, Publishers) or name an existing one, then plan again.`,
    };
  });
  const next = { ...plan, blockers: [...plan.blockers, ...blockers] };
  return { ...next, summary: summarisePlan(next) };
}

/** A lookup path is at most a few lookups deep; each round reads the tables the last one pointed at. */
const MAX_METADATA_ROUNDS = 5;

/**
 * Blocks a plan that names a table, entity, column or field that does not exist live, or a column
 * whose type cannot be used as the YAML uses it, before anything is written. Reads the metadata of
 * what the plan writes only (maps it saves, keys it creates or sets): the tables and entities in
 * one batched request per app and per round, a second round only for lookup targets the desired
 * state did not name. Each blocker names the YAML file, line and column (`cwd` is where the files
 * were read from; they are read again only to place a blocker).
 */
export async function checkColumns(plan: Plan, pairDesired: PairDesired, gateway: Pick<EnvironmentGateway, "readColumnMetadata">, cwd: string): Promise<Plan> {
  const scope = columnScope(plan, pairDesired);
  if (scope.maps.length === 0 && scope.keys.length === 0) return plan;
  let metadata = emptyColumnMetadata();
  for (let round = 0; round < MAX_METADATA_ROUNDS; round++) {
    const wanted = metadataToRead(scope, metadata);
    if (wanted.tables.length === 0 && wanted.entities.length === 0) break;
    metadata = mergeColumnMetadata(metadata, await gateway.readColumnMetadata(wanted));
  }
  const problems = findColumnProblems(scope, metadata);
  if (problems.length === 0) return plan;
  const blockers = await locateProblems(problems, cwd);
  const next = { ...plan, blockers: [...plan.blockers, ...blockers] };
  return { ...next, summary: summarisePlan(next) };
}

/** Each problem as a blocker that starts with `file:line:col`, sorted by place. */
async function locateProblems(problems: readonly ColumnProblem[], cwd: string): Promise<Blocker[]> {
  const sources = new Map<string, SourceFile | undefined>();
  for (const file of new Set(problems.map((problem) => problem.file))) {
    try {
      sources.set(file, parseYamlFile(file, await readFile(resolve(cwd, file), "utf8")).source);
    } catch {
      sources.set(file, undefined);
    }
  }
  const located = problems.map((problem) => {
    const at = locate({ code: "", severity: "error", message: problem.message, hint: problem.hint, file: problem.file, path: problem.path, ...(problem.span === undefined ? {} : { span: problem.span }) }, sources.get(problem.file));
    return { problem, line: at.line, column: at.column };
  });
  located.sort((a, b) => a.problem.file.localeCompare(b.problem.file) || a.line - b.line || a.column - b.column);
  return located.map(({ problem, line, column }) => ({
    kind: problem.kind,
    path: [problem.owner],
    location: { file: problem.file, line, column },
    message: `${problem.file}:${line}:${column} ${problem.message}. ${problem.hint}`,
  }));
}

/**
 * Places each version blocker (plan-version.ts) on its map's YAML: versionOfAnotherPublisher on
 * version.number, followedMapMissing and followedVersionMissing on version.follow. The map's file is read again, as for the column check, and the message's leading `file:` becomes
 * `file:line:column`. A file that cannot be read or parsed leaves the blocker as plan made it (its
 * message names the file). Reads nothing when the plan has no such blocker.
 */
export async function locateVersionBlockers(plan: Plan, pairDesired: PairDesired, cwd: string): Promise<Plan> {
  if (!plan.blockers.some((blocker) => versionPathOf(blocker) !== undefined)) return plan;
  const files = new Map(pairDesired.maps.map(({ map }) => [map.name, map.file]));
  const sources = new Map<string, Promise<SourceFile | undefined>>();
  const sourceOf = (file: string): Promise<SourceFile | undefined> => {
    let source = sources.get(file);
    if (source === undefined) {
      source = readFile(resolve(cwd, file), "utf8")
        .then((text) => parseYamlFile(file, text).source)
        .catch(() => undefined);
      sources.set(file, source);
    }
    return source;
  };
  const blockers = await Promise.all(
    plan.blockers.map(async (blocker): Promise<Blocker> => {
      const path = versionPathOf(blocker);
      const file = path === undefined ? undefined : files.get(blocker.path[0] ?? "");
      if (path === undefined || file === undefined || !blocker.message.startsWith(`${file}: `)) return blocker;
      const source = await sourceOf(file);
      if (source?.doc === undefined) return blocker;
      const { line, column } = locate({ code: "", severity: "error", message: "", hint: "", file, path }, source);
      return { ...blocker, location: { file, line, column }, message: `${file}:${line}:${column} ${blocker.message.slice(file.length + 2)}` };
    }),
  );
  return { ...plan, blockers };
}

/** Where in its map's YAML a version blocker points, when it has no location yet: the pinned number, or the followed publishers. */
function versionPathOf(blocker: Blocker): string[] | undefined {
  if (blocker.location !== undefined) return undefined;
  if (blocker.kind === "versionOfAnotherPublisher") return ["version", "number"];
  if (blocker.kind === "followedMapMissing" || blocker.kind === "followedVersionMissing") return ["version", "follow"];
  return undefined;
}

/**
 * The checks of a fresh plan against the live pair, in the order plan and apply --auto-approve run
 * them: the version blockers placed on their YAML lines, shared environments, column metadata,
 * publishers, then the initial-sync conflict reads.
 */
export async function checkAgainstLive(
  planned: { plan: Plan; pairDesired: PairDesired },
  context: { desired: Desired; pair: EnvironmentPair; snapshot: Snapshot; cwd: string },
  gateway: Pick<EnvironmentGateway, "readColumnMetadata" | "missingPublishers" | "rowsOnBothSides">,
  readOrganization: (pair: EnvironmentPair) => Promise<string>,
): Promise<Plan> {
  const located = await locateVersionBlockers(planned.plan, planned.pairDesired, context.cwd);
  const shared = await blockSharedEnvironments(located, context.desired, context.pair, context.snapshot, readOrganization);
  const columns = await checkColumns(shared, planned.pairDesired, gateway, context.cwd);
  const publishers = await checkPublishers(columns, gateway);
  return checkInitialSyncConflicts(publishers, planned.pairDesired, gateway);
}
