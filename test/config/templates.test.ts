import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readInputFiles } from "../../src/config/read-files.js";
import { validateSources } from "../../src/config/validate.js";
import { brief } from "../helpers/estate.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("Microsoft's out-of-box templates (test/corpus/templates)", () => {
  it("are all accepted with no errors", async () => {
    const files = await readInputFiles(["test/corpus/templates"], root);
    const result = validateSources(files);
    expect(result.desired.maps.length).toBeGreaterThanOrEqual(20);
    expect(result.desired.keys.length).toBeGreaterThanOrEqual(20);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${brief(d)} ${d.message}`)).toEqual([]);
  });

  it("cover value maps, filters on both sides, lookups, global and company maps", async () => {
    const { desired } = validateSources(await readInputFiles(["test/corpus/templates"], root));
    const fields = desired.maps.flatMap((m) => m.fields);
    expect(fields.some((f) => f.valueMap !== undefined)).toBe(true);
    expect(fields.some((f) => f.dv?.kind === "lookup")).toBe(true);
    expect(fields.some((f) => f.symbol === ">>" && f.fo === undefined && f.default !== undefined)).toBe(true);
    expect(fields.some((f) => f.symbol === "<<" && f.dv === undefined && f.default !== undefined)).toBe(true);
    expect(desired.maps.some((m) => m.filters.dataverse !== undefined && m.filters.financeAndOperations !== undefined)).toBe(true);
    expect(new Set(desired.maps.map((m) => m.scope))).toEqual(new Set(["company", "global"]));
  });
});

describe("the starter estate in maps/", () => {
  it("validates with no diagnostics at all", async () => {
    const files = await readInputFiles(["maps"], root);
    const result = validateSources(files);
    expect(result.diagnostics.map((d) => `${brief(d)} ${d.message}`)).toEqual([]);
    expect(result.desired.maps.map((m) => m.name).sort()).toEqual(
      expect.arrayContaining(["customers-v3-accounts", "cds-contacts-v2-contacts", "vendors-v2-msdyn-vendors", "currencies-transactioncurrencies", "legal-entities-cdm-companies"]),
    );
    expect(result.desired.pairs.map((p) => p.name)).toEqual(["prod", "stage"]);
  });

  it("starts every file with a yaml-language-server $schema line that points at an existing schema", async () => {
    const files = await readInputFiles(["maps"], root);
    for (const file of files) {
      const first = file.text.split("\n")[0] ?? "";
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, `${file.path} first line`).not.toBeNull();
      const target = new URL(match?.[1] ?? "", new URL(file.path, `file://${root}`));
      await expect(import("node:fs/promises").then((fs) => fs.access(target))).resolves.toBeUndefined();
    }
  });
});
