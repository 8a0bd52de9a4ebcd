import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/config/diagnostic.js";
import type { InputFile } from "../../src/config/load.js";
import { readInputFiles } from "../../src/config/read-files.js";
import { validateSources, type ValidationResult } from "../../src/validate/validate-sources.js";
import { brief } from "../helpers/estate.js";
import { isCompanyKeyColumn } from "../../src/rules/key-helpers.js";
import { publishedKeys } from "./published-keys.js";

/*
 * The rules measured against Microsoft's own templates (test/corpus/templates, translated from both
 * renderings Microsoft publishes; see scripts/translate-template-pages.mjs and index.json). Each
 * rendering is validated as one estate, with its integration keys where Microsoft publishes them:
 * the corpus's own key files, and for the other tables the keys Microsoft's DW Helper deploys
 * (published-keys.ts). The corpus files are reference data and are never changed; the keys are added
 * beside them in memory.
 *
 * A map whose scope the translation had to derive ("global: no company column mapped and no
 * company-striped key known", index.json) is derived again by the same rule once the published key
 * is known: company when the key holds the company. Every template must then validate with no
 * errors. The warnings left are the ones that describe the templates as printed.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const corpus = "test/corpus/templates";

interface Entry {
  file: string;
  derived?: { scope?: string };
}
interface Index {
  pages: Entry[];
  mappingTables: { templates: Entry[] };
}

/** The warnings Microsoft's templates draw, each for a documented reason (README, "Microsoft's templates are the reference"). */
const expectedWarnings = new Set([
  "DW110", // a table whose key Microsoft does not publish: the platform generates it from the alternate keys
  "DW120", // one destination written twice (for example LINEDISCOUNTAMOUNT in CDS sales order lines)
  "DW123", // "><", ">>" or "<<" printed on a row whose transform the page does not show
  "DW132", // Sales invoice headers V2 filters on (SalesOrderNumber != "")
  "DW152", // a lookup to a table that no template of the rendering covers
]);

function keyFile(estate: string, table: string, columns: readonly string[]): InputFile {
  return {
    path: `${corpus}/${estate}/keys/${table}.yaml`,
    text: `kind: IntegrationKey\ntable: ${table}\ncolumns: [${columns.join(", ")}]\nalternateKey: { schemaName: msdyn_${table}_published, displayName: Published integration key }\n`,
  };
}

/** One rendering, with the published keys added and derived scopes derived again; see above. */
async function estate(name: string, index: Index): Promise<{ result: ValidationResult; added: number; rescoped: number }> {
  const derivedGlobal = new Set(
    [...index.pages, ...index.mappingTables.templates].filter((e) => e.derived?.scope?.startsWith("global: no company column mapped and no company-striped key known") === true).map((e) => e.file),
  );
  const read = await readInputFiles([`${corpus}/${name}`, `${corpus}/mapping-tables/keys`], root);
  const first = validateSources(read).desired;
  // The corpus's key files serve both renderings; a key of a table this rendering does not map stays out.
  const mapped = new Set(first.maps.map((m) => m.dataverse.table));
  const unused = new Set(first.keys.filter((k) => !mapped.has(k.table)).map((k) => k.file));
  const files = read.filter((f) => !unused.has(f.path));
  const { desired } = validateSources(files);
  const keys = new Map<string, readonly string[]>(desired.keys.map((k) => [k.table, k.columns]));
  const added: InputFile[] = [];
  for (const map of desired.maps) {
    const published = publishedKeys[map.dataverse.entitySet];
    if (published === undefined || keys.has(map.dataverse.table)) continue;
    keys.set(map.dataverse.table, published);
    added.push(keyFile(name, map.dataverse.table, published));
  }
  let rescoped = 0;
  const inputs = files.map((file) => {
    const map = desired.maps.find((m) => m.file === file.path);
    if (map === undefined || !derivedGlobal.has(file.path) || !(keys.get(map.dataverse.table) ?? []).some(isCompanyKeyColumn)) return file;
    rescoped += 1;
    return { ...file, text: file.text.replace(/^scope: global$/m, "scope: company") };
  });
  return { result: validateSources([...inputs, ...added]), added: added.length, rescoped };
}

function errors(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === "error").map((d) => `${brief(d)} ${d.message}`);
}

let index: Index;
let pages: Awaited<ReturnType<typeof estate>>;
let tables: Awaited<ReturnType<typeof estate>>;

beforeAll(async () => {
  index = JSON.parse(readFileSync(`${root}${corpus}/index.json`, "utf8")) as Index;
  pages = await estate("pages", index);
  tables = await estate("mapping-tables", index);
}, 60_000);

describe("Microsoft's templates validate with no errors (issue 9)", () => {
  it("every per-template page (includes/<Entity>-<table>.md), with the published keys", () => {
    expect(pages.result.desired.maps.length).toBe(index.pages.length);
    expect(pages.added).toBeGreaterThan(0);
    expect(errors(pages.result.diagnostics)).toEqual([]);
  });

  it("every template of includes/mapping-tables.md, with the published keys", () => {
    expect(tables.result.desired.maps.length).toBe(index.mappingTables.templates.length);
    expect(errors(tables.result.diagnostics)).toEqual([]);
  });

  it("the warnings left are the documented quirks of the templates as printed", () => {
    const codes = new Set([...pages.result.diagnostics, ...tables.result.diagnostics].map((d) => d.code));
    expect([...codes].filter((c) => !expectedWarnings.has(c))).toEqual([]);
  });

  it("the key rules run on the templates: line maps keyed through their order's lookup and company", () => {
    const keys = new Map(pages.result.desired.keys.map((k) => [k.table, k.columns]));
    expect(keys.get("salesorderdetail")).toEqual(["sequencenumber", "salesorderid.msdyn_salesordernumber", "salesorderid.msdyn_company.cdm_companycode"]);
    expect(pages.result.desired.maps.find((m) => m.dataverse.table === "salesorderdetail")?.scope).toBe("company");
  });
});
