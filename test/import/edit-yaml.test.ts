import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { updateYaml } from "../../src/import/edit-yaml.js";
import { renderDocument } from "../../src/import/render-yaml.js";
import { root } from "../helpers/cli.js";

/** The lines of `after` that are not in `before`, and the reverse, compared as two lists (a line diff's - and +). */
function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const written = `# yaml-language-server: $schema=../../schemas/table-map.schema.json
# Customers: owned by the sales team. Ask before changing the filters.
kind: TableMap
name: customers
financeAndOperations: { entity: CustomersV3, label: Customers V3 }   # the label the UI shows
dataverse: { table: account, entitySet: accounts }
scope: company
version: { publisher: contoso, number: 1.0.0.3 }
state: running   # paused on STAGE, see below
filters:
  financeAndOperations: '((PartyType == "Organization"))'
  dataverse: customertypecode eq 3

fields:
  # The key first.
  - { fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }
  - { fo: ORGANIZATIONNAME, map: both, dv: name }   # "both" is "=" written as a word
  - fo: ONHOLDSTATUS
    map: "><"
    dv: msdyn_onholdstatus
    valueMap:
      "no": 806380000     # Never on hold
      "all": 806380002
  - { map: ">>", dv: customertypecode, default: 3 }
  # Trailing comment of the list.
dependsOn: [currencies]   # reference data
environments:
  stage: { state: paused }
`;

const target = (): Record<string, unknown> => parse(written) as Record<string, unknown>;

describe("updating a file a person wrote (parseDocument, changed nodes only)", () => {
  it("changes nothing when the data is the same", () => {
    expect(updateYaml(written, target())).toEqual({ text: written, changed: false, rewritten: false });
  });

  it("a changed scalar: one line changes, its comment and every other byte stay", () => {
    const next = { ...target(), version: { publisher: "contoso", number: "1.0.0.4" }, state: "stopped" };
    const result = updateYaml(written, next);
    expect(result.rewritten).toBe(false);
    expect(lineChanges(written, result.text)).toEqual({
      removed: ["version: { publisher: contoso, number: 1.0.0.3 }", "state: running   # paused on STAGE, see below"],
      added: ["version: { publisher: contoso, number: 1.0.0.4 }", "state: stopped   # paused on STAGE, see below"],
    });
  });

  it("a changed field row is replaced where it stands; added rows go after the last one, removed rows go with their line", () => {
    const next = target();
    const fields = next["fields"] as Record<string, unknown>[];
    fields[1] = { fo: "ORGANIZATIONNAME", map: ">", dv: "name" };
    fields.splice(3, 1);
    fields.push({ fo: "LANGUAGEID", map: "<<", default: "en-us" });
    const result = updateYaml(written, next);
    expect(result.rewritten).toBe(false);
    expect(parse(result.text)).toEqual(next);
    expect(lineChanges(written, result.text)).toEqual({
      removed: [
        '  - { fo: ORGANIZATIONNAME, map: both, dv: name }   # "both" is "=" written as a word',
        "  - fo: ONHOLDSTATUS",
        '    map: "><"',
        "    dv: msdyn_onholdstatus",
        "    valueMap:",
        '      "no": 806380000     # Never on hold',
        '      "all": 806380002',
        '  - { map: ">>", dv: customertypecode, default: 3 }',
      ],
      added: [
        '  - { fo: ORGANIZATIONNAME, map: ">", dv: name }   # "both" is "=" written as a word',
        "  - fo: ONHOLDSTATUS",
        '    map: "><"',
        "    dv: msdyn_onholdstatus",
        "    valueMap:",
        '      "no": 806380000     # Never on hold',
        '      "all": 806380002',
        '  - { fo: LANGUAGEID, map: "<<", default: en-us }',
      ],
    });
    // The diff above is one hunk only because the rows are neighbours: the comments around them are untouched.
    expect(result.text).toContain("  # The key first.\n");
    expect(result.text).toContain("  # Trailing comment of the list.\n");
  });

  it("a nested value in a block row changes alone", () => {
    const next = target();
    const row = (next["fields"] as Record<string, unknown>[])[2] as Record<string, unknown>;
    row["valueMap"] = { no: 806380000, all: 806380009 };
    const result = updateYaml(written, next);
    expect(lineChanges(written, result.text)).toEqual({ removed: ['      "all": 806380002'], added: ['      "all": 806380009'] });
  });

  it("a missing key is inserted in the target's order; a key no longer wanted goes with its lines", () => {
    const next = target();
    delete next["dependsOn"];
    const filters = next["filters"] as Record<string, unknown>;
    delete filters["dataverse"];
    const ordered = Object.fromEntries(
      Object.entries(next).flatMap(([key, value]) => (key === "state" ? [[key, value], ["initialSync", { enabled: false, master: "financeAndOperations" }]] : [[key, value]])),
    );
    const result = updateYaml(written, ordered);
    expect(result.rewritten).toBe(false);
    expect(parse(result.text)).toEqual(ordered);
    expect(result.text).toContain("state: running   # paused on STAGE, see below\ninitialSync: { enabled: false, master: financeAndOperations }\nfilters:\n");
    expect(result.text).not.toContain("dependsOn");
    expect(result.text).not.toContain("customertypecode eq 3");
    expect(result.text).toContain("  # Trailing comment of the list.\nenvironments:\n");
  });

  it("every starter map and key of maps/ survives an unchanged update byte for byte, and a one-field edit changes one line", async () => {
    for (const file of ["tablemaps/customers-v3-accounts.yaml", "tablemaps/cds-contacts-v2-contacts.yaml", "keys/account.yaml"]) {
      const text = await readFile(join(root, "maps", file), "utf8");
      const data = parse(text) as Record<string, unknown>;
      expect(updateYaml(text, data).text).toBe(text);
      const next = { ...data, ...(file.startsWith("keys") ? { columns: ["accountnumber"] } : { state: "paused" }) };
      const result = updateYaml(text, next);
      expect(result.rewritten).toBe(false);
      const changes = lineChanges(text, result.text);
      expect(changes.removed).toHaveLength(1);
      expect(changes.added).toHaveLength(1);
    }
  });
});

describe("writing a new file in the maps/ style", () => {
  it("flow objects on one line, quoted symbols and value-map keys, block filters, and it reads back as written", () => {
    const text = renderDocument(
      {
        kind: "TableMap",
        name: "customers-v3-accounts",
        financeAndOperations: { entity: "CustomersV3", label: "Customers V3" },
        dataverse: { table: "account", entitySet: "accounts" },
        scope: "company",
        version: { publisher: "contoso", number: "1.0.0.0" },
        state: "running",
        filters: { financeAndOperations: '((PartyType == "Organization"))', dataverse: "customertypecode eq 3" },
        fields: [
          { fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" },
          { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { no: "False", yes: "True", "": null } },
          { map: ">>", dv: "customertypecode", default: 3 },
          { map: ">>", dv: "exchangerate", default: "1.0000000000" },
          { fo: "LANGUAGEID", map: "<<", default: "en-us" },
        ],
      },
      "# yaml-language-server: $schema=../../schemas/table-map.schema.json",
    );
    expect(text).toBe(`# yaml-language-server: $schema=../../schemas/table-map.schema.json
kind: TableMap
name: customers-v3-accounts
financeAndOperations: { entity: CustomersV3, label: Customers V3 }
dataverse: { table: account, entitySet: accounts }
scope: company
version: { publisher: contoso, number: 1.0.0.0 }
state: running
filters:
  financeAndOperations: ((PartyType == "Organization"))
  dataverse: customertypecode eq 3
fields:
  - { fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }
  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "no": "False", "yes": "True", "": null } }
  - { map: ">>", dv: customertypecode, default: 3 }
  - { map: ">>", dv: exchangerate, default: "1.0000000000" }
  - { fo: LANGUAGEID, map: "<<", default: en-us }
`);
  });
});
