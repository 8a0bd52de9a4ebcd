import { access, readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readInputFiles } from "../../src/config/read-files.js";
import { validateSources, type ValidationResult } from "../../src/validate/validate-sources.js";

/**
 * Microsoft publishes the dual-write templates in two renderings: one page a template
 * (includes/<Entity>-<table>.md) and includes/mapping-tables.md. Both are translated into
 * test/corpus/templates/ by scripts/translate-template-pages.mjs, which also writes index.json: for
 * every page (and every template of mapping-tables.md) its path, revision, map name and the number of
 * field rows it prints. These tests hold the translation to the index, row for row.
 *
 * They do not ask the translated maps to pass the rules: Microsoft's own templates are the reference
 * the rules are measured against, and which of their findings are right is the rules' business.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const corpus = "test/corpus/templates";
const FOLDER = "articles/fin-ops-core/dev-itpro/data-entities/dual-write/includes/";

interface PageEntry {
  path: string;
  commit: string;
  map: string;
  file: string;
  rows: number;
  filters: string[];
  notes: string[];
}
interface TemplateEntry {
  anchor: string | null;
  map: string;
  file: string;
  rows: number | null;
  translation: "hand" | "generated";
  notes: string[];
}
interface Index {
  pages: PageEntry[];
  mappingTables: { path: string; commit: string; templates: TemplateEntry[] };
  totals: { pages: number; pageRows: number; mappingTablesTemplates: number; mappingTablesRows: number };
}

/** Loader and schema codes: a file that draws one of these did not parse into a map. */
const LOAD_CODES = new Set(["DW001", "DW002", "DW003", "DW004", "DW005", "DW006", "DW007", "DW008", "DW009"]);

let index: Index;
let pages: ValidationResult;
let tables: ValidationResult;

beforeAll(async () => {
  index = JSON.parse(await readFile(`${root}${corpus}/index.json`, "utf8")) as Index;
  pages = validateSources(await readInputFiles([`${corpus}/pages`], root));
  tables = validateSources(await readInputFiles([`${corpus}/mapping-tables`], root));
});

function loadProblems(result: ValidationResult, file: string): string[] {
  return result.diagnostics.filter((d) => d.file === file && LOAD_CODES.has(d.code)).map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
}

describe("the template corpus, per-template pages (test/corpus/templates/pages)", () => {
  it("covers every page: 100 pages and 1,367 field rows", () => {
    expect(index.pages).toHaveLength(100);
    expect(index.totals.pages).toBe(100);
    expect(index.pages.reduce((n, p) => n + p.rows, 0)).toBe(1367);
    expect(index.totals.pageRows).toBe(1367);
    expect(new Set(index.pages.map((p) => p.path)).size).toBe(100);
    expect(new Set(index.pages.map((p) => p.map)).size).toBe(100);
  });

  it("has exactly one YAML file per page, and no other", async () => {
    const files = (await readdir(`${root}${corpus}/pages/tablemaps`)).filter((f) => f.endsWith(".yaml")).sort();
    expect(files).toEqual(index.pages.map((p) => `${p.map}.yaml`).sort());
  });

  it("records each page's path and revision in the index and in the file's first line", async () => {
    for (const page of index.pages) {
      expect(page.path.startsWith(FOLDER), page.path).toBe(true);
      expect(page.commit, page.path).toMatch(/^[0-9a-f]{40}$/);
      const text = await readFile(`${root}${page.file}`, "utf8");
      const [source, modeline] = text.split("\n");
      expect(source, page.file).toBe(`# source: ${page.path}@${page.commit}`);
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(modeline ?? "");
      expect(schema, `${page.file} modeline`).not.toBeNull();
      await expect(access(new URL(schema?.[1] ?? "", `file://${root}${page.file}`)), page.file).resolves.toBeUndefined();
    }
  });

  it("parses every translated map, with as many field mappings as its page has rows", () => {
    const byName = new Map(pages.desired.maps.map((m) => [m.name, m]));
    const mismatches: string[] = [];
    for (const page of index.pages) {
      expect(loadProblems(pages, page.file), page.file).toEqual([]);
      const map = byName.get(page.map);
      if (map === undefined) mismatches.push(`${page.map}: not loaded`);
      else if (map.fields.length !== page.rows) mismatches.push(`${page.map}: ${map.fields.length} fields, page has ${page.rows} rows`);
    }
    expect(mismatches).toEqual([]);
    expect(pages.desired.maps).toHaveLength(100);
  });

  it("keeps what the pages print: free-text and lookup >< and >>, polymorphic lookups, both filters", () => {
    const byName = new Map(pages.desired.maps.map((m) => [m.name, m]));
    const row = (map: string, fo: string) => byName.get(map)?.fields.find((f) => f.fo === fo);
    expect(byName.get("customers-v3-accounts")?.fields).toHaveLength(62);
    expect(row("sites-msdyn-operationalsites", "SITEID")?.symbol).toBe("><");
    expect(row("cds-released-distinct-products-products", "CURRENCYCODE")).toMatchObject({ symbol: ">>", dv: { kind: "lookup" } });
    expect(row("cds-released-distinct-products-products", "SALESPRICE")?.symbol).toBe(">>");
    expect(row("cds-sales-order-headers-salesorders", "ORDERINGCUSTOMERACCOUNTNUMBER")?.dv?.kind).toBe("polymorphic");
    const customers = byName.get("customers-v3-accounts");
    expect(customers?.filters.financeAndOperations).toBeDefined();
    expect(customers?.filters.dataverse).toBeDefined();
    const withFilters = index.pages.filter((p) => p.filters.length > 0).map((p) => p.map);
    for (const name of withFilters) expect(Object.keys(byName.get(name)?.filters ?? {}).length, name).toBeGreaterThan(0);
  });
});

describe("the template corpus, mapping-tables.md (test/corpus/templates/mapping-tables)", () => {
  it("covers every template of the page: 135 templates and 1,691 field rows", () => {
    const templates = index.mappingTables.templates.filter((t) => t.anchor !== null);
    expect(templates).toHaveLength(135);
    expect(new Set(templates.map((t) => t.anchor)).size).toBe(135);
    expect(templates.reduce((n, t) => n + (t.rows ?? 0), 0)).toBe(1691);
    expect(index.mappingTables.path).toBe(`${FOLDER}mapping-tables.md`);
    expect(index.mappingTables.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("records the revision in each file's source line", async () => {
    for (const t of index.mappingTables.templates) {
      const first = (await readFile(`${root}${t.file}`, "utf8")).split("\n")[0];
      if (t.anchor === null) expect(first, t.file).toMatch(/^# source: \S+mapping-tables\.md#\S+ \(an earlier revision/);
      else expect(first, t.file).toBe(`# source: ${index.mappingTables.path}@${index.mappingTables.commit}#${t.anchor}`);
    }
  });

  it("parses every translated map, with as many field mappings as its template has rows", async () => {
    const byName = new Map(tables.desired.maps.map((m) => [m.name, m]));
    const mismatches: string[] = [];
    for (const t of index.mappingTables.templates) {
      expect(loadProblems(tables, t.file), t.file).toEqual([]);
      const map = byName.get(t.map);
      if (map === undefined) mismatches.push(`${t.map}: not loaded`);
      else if (t.rows !== null && map.fields.length !== t.rows) mismatches.push(`${t.map}: ${map.fields.length} fields, template has ${t.rows} rows`);
    }
    expect(mismatches).toEqual([]);
    const files = (await readdir(`${root}${corpus}/mapping-tables/tablemaps`)).filter((f) => f.endsWith(".yaml")).sort();
    expect(files).toEqual(index.mappingTables.templates.map((t) => `${t.map}.yaml`).sort());
  });

  it("keeps the value maps mapping-tables.md prints", () => {
    const byName = new Map(tables.desired.maps.map((m) => [m.name, m]));
    const status = byName.get("cds-purchase-order-line-entity-msdyn-purchaseorderproducts")?.fields.find((f) => f.fo === "PURCHASEORDERLINESTATUS");
    expect(status?.symbol).toBe(">>");
    expect(status?.valueMap).toBeDefined();
    const generated = index.mappingTables.templates.filter((t) => t.translation === "generated").map((t) => byName.get(t.map));
    expect(generated.flatMap((m) => m?.fields ?? []).filter((f) => f.valueMap !== undefined).length).toBeGreaterThan(100);
  });
});
