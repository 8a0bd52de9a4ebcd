import { describe, expect, it } from "vitest";
import { validateSources } from "../../src/validate/validate-sources.js";
import { estateWith, toInputs, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const legalEntities = estateWith({})["maps/tablemaps/legal-entities.yaml"] ?? "";

/** The base estate with legal-entities renamed to legal-entities-cdm-companies, and the given moved.yaml. */
function renamed(moved: string | undefined): Record<string, string> {
  return estateWith({
    "maps/tablemaps/legal-entities.yaml": undefined,
    "maps/tablemaps/legal-entities-cdm-companies.yaml": legalEntities.replace("name: legal-entities", "name: legal-entities-cdm-companies"),
    "maps/moved.yaml": moved,
  });
}

function movedFile(...entries: string[]): string {
  return `# yaml-language-server: $schema=../schemas/moved.schema.json\nkind: Moved\nmoved:\n${entries.map((e) => `  - ${e}\n`).join("")}`;
}

describe("the Moved file", () => {
  it("loads its entries with their file and position, and a rename with its entry validates clean", () => {
    const files = renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies }"));
    const result = validateSources(toInputs(files));
    expect(result.diagnostics).toEqual([]);
    expect(result.desired.moved).toEqual([{ from: "legal-entities", to: "legal-entities-cdm-companies", file: "maps/moved.yaml", index: 0, line: 4, column: 5 }]);
  });

  it("is absent from the desired state of an estate without one", () => {
    expect(validateSources(toInputs(estateWith({}))).desired.moved).toBeUndefined();
  });

  it("refuses an unknown property at its key, and names outside the map name pattern, with a hint", () => {
    const [extra] = expectDiagnostics(renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies, reason: tidy }")), ["maps/moved.yaml:4:63 DW006"]);
    expect(extra?.message).toBe('moved[0].reason: unknown property "reason"');
    const [pattern] = expectDiagnostics(renamed(movedFile("{ from: Legal_Entities, to: legal-entities-cdm-companies }")), ["maps/moved.yaml:4:13 DW006"]);
    expect(pattern?.message).toBe("moved[0].from: must be lower-case letters, digits and dashes (for example customers-v3-accounts)");
    expect(pattern?.hint).toContain("tablemaps/<name>.yaml");
  });

  it("refuses a list without entries and an entry without its new name", () => {
    expectDiagnostics(renamed("kind: Moved\nmoved: []\n"), ["maps/moved.yaml:2:8 DW006"]);
    const [missing] = expectDiagnostics(renamed(movedFile("{ from: legal-entities }")), ["maps/moved.yaml:4:5 DW006"]);
    expect(missing?.message).toBe('moved[0]: missing required property "to"');
  });

  it("is a kind the loader names in its hints", () => {
    const [d] = expectDiagnostics(estateWith({ "maps/moved.yaml": "kind: Renames\n" }), ["maps/moved.yaml:1:7 DW007"]);
    expect(d?.hint).toBe("Set kind to TableMap, IntegrationKey, Environments or Moved.");
  });
});

describe("DW190 a moved entry's from is no longer a map in git", () => {
  it("reports an entry whose old name a map still has, at its from", () => {
    const files = estateWith({ "maps/moved.yaml": movedFile("{ from: currencies, to: customers }") });
    const [d] = expectDiagnostics(files, ["maps/moved.yaml:4:13 DW190"]);
    expect(d).toMatchObject({ severity: "error", endColumn: 23 });
    expect(d?.message).toBe('moved: "currencies" is renamed to "customers", but maps/tablemaps/currencies.yaml still declares a map named "currencies"');
    expect(d?.hint).toContain("tablemaps/customers.yaml");
  });
});

describe("DW191 a moved entry's to is a map in git", () => {
  it("reports a new name no map has, at its to", () => {
    const files = renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-company }"));
    const [d] = expectDiagnostics(files, ["maps/moved.yaml:4:33 DW191"]);
    expect(d?.message).toBe('moved: "legal-entities" is renamed to "legal-entities-cdm-company", but no map in git is named "legal-entities-cdm-company"');
    expect(d?.hint).toContain("pruned");
  });

  it("follows a chain: a new name that a later entry moves on is not missing, its end is", () => {
    const chain = movedFile("{ from: companies, to: legal-entities }", "{ from: legal-entities, to: legal-entities-cdm-companies }");
    expect(validate(renamed(chain))).toEqual([]);
    const broken = movedFile("{ from: companies, to: legal-entities }", "{ from: legal-entities, to: legal-entity }");
    expectDiagnostics(renamed(broken), ["maps/moved.yaml:5:33 DW191"]);
  });

  it("does not report while a file fails to load: the map may be in it", () => {
    const files = renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies }"));
    const broken = { ...files, "maps/tablemaps/legal-entities-cdm-companies.yaml": (files["maps/tablemaps/legal-entities-cdm-companies.yaml"] ?? "").replace("scope: global", "scope: globals") };
    expectDiagnostics(broken, ["maps/tablemaps/legal-entities-cdm-companies.yaml:5:8 DW006"]);
  });
});

describe("DW192 each name is moved by one entry", () => {
  it("reports the second entry of a name, and says to remove an exact repeat", () => {
    const entry = "{ from: legal-entities, to: legal-entities-cdm-companies }";
    const [d] = expectDiagnostics(renamed(movedFile(entry, entry)), ["maps/moved.yaml:5:13 DW192"]);
    expect(d?.message).toBe('moved: "legal-entities" is already moved by the entry at maps/moved.yaml:4');
    expect(d?.hint).toBe("Remove the repeated entry.");
  });

  it("points at the later rename when the two entries disagree, across files", () => {
    const files = { ...renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies }")), "maps/moved-more.yaml": movedFile("{ from: legal-entities, to: currencies }") };
    const [d] = expectDiagnostics(files, ["maps/moved-more.yaml:4:13 DW192"]);
    expect(d?.message).toContain('(to "legal-entities-cdm-companies")');
    expect(d?.hint).toContain("{ from: legal-entities-cdm-companies, to: currencies }");
  });

  it("allows two old names of one map (a flattened history)", () => {
    const files = renamed(movedFile("{ from: companies, to: legal-entities-cdm-companies }", "{ from: legal-entities, to: legal-entities-cdm-companies }"));
    expect(validate(files)).toEqual([]);
  });
});

describe("DW193 moved entries have no cycles", () => {
  it("reports a cycle once, at its first entry, with its path", () => {
    const files = renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies }", "{ from: old-a, to: old-b }", "{ from: old-b, to: old-c }", "{ from: old-c, to: old-a }"));
    const [d] = expectDiagnostics(files, ["maps/moved.yaml:5:5 DW193"]);
    expect(d?.message).toBe("moved entries form a cycle: old-a → old-b → old-c → old-a");
    expect(d?.hint).toContain("keep only the entry of its last rename");
  });

  it("reports a chain that runs into a cycle at the cycle, not at the chain", () => {
    const files = renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies }", "{ from: old-z, to: old-a }", "{ from: old-a, to: old-b }", "{ from: old-b, to: old-a }"));
    const [d] = expectDiagnostics(files, ["maps/moved.yaml:6:5 DW193"]);
    expect(d?.message).toBe("moved entries form a cycle: old-a → old-b → old-a");
  });

  it("reports a map moved to its own name", () => {
    const [d] = expectDiagnostics(renamed(movedFile("{ from: legal-entities, to: legal-entities-cdm-companies }", "{ from: old-a, to: old-a }")), ["maps/moved.yaml:5:5 DW193"]);
    expect(d?.message).toBe('moved: "old-a" is renamed to itself');
  });
});
