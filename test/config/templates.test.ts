import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readInputFiles } from "../../src/config/read-files.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { brief } from "../helpers/estate.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The templates of mapping-tables.md that were translated and reviewed by hand, with their keys.
 * The rest of the corpus (generated from both renderings by scripts/translate-template-pages.mjs)
 * is checked in template-corpus.test.ts.
 */
function reviewedTemplates(): string[] {
  const index = JSON.parse(readFileSync(new URL("../corpus/templates/index.json", import.meta.url), "utf8")) as {
    mappingTables: { templates: { file: string; translation: string }[] };
  };
  const maps = index.mappingTables.templates.filter((t) => t.translation === "hand").map((t) => t.file);
  return [...maps, "test/corpus/templates/mapping-tables/keys"];
}

describe("Microsoft's out-of-box templates, hand-reviewed (test/corpus/templates/mapping-tables)", () => {
  it("are all accepted with no errors", async () => {
    const files = await readInputFiles(reviewedTemplates(), root);
    const result = validateSources(files);
    expect(result.desired.maps.length).toBeGreaterThanOrEqual(20);
    expect(result.desired.keys.length).toBeGreaterThanOrEqual(20);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${brief(d)} ${d.message}`)).toEqual([]);
  });

  it("cover value maps, filters on both sides, lookups, global and company maps", async () => {
    const { desired } = validateSources(await readInputFiles(reviewedTemplates(), root));
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
