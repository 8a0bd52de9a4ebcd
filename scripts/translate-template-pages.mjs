#!/usr/bin/env node
// Translates Microsoft's published dual-write templates into this project's YAML format.
//
// Microsoft publishes the out-of-box table maps twice, in the docs repository
// MicrosoftDocs/dynamics-365-unified-operations-public, folder
// articles/fin-ops-core/dev-itpro/data-entities/dual-write/includes/:
//   - one page a template (includes/<Entity>-<table>.md): every field row, map types, defaults and
//     both filters, but no value maps;
//   - includes/mapping-tables.md: every template in one page, with its value maps printed inline.
//
// This script reads saved copies of those pages as data (they are not kept in the repository) and
// writes one YAML file per template into test/corpus/templates/:
//   pages/tablemaps/<name>.yaml            one per per-template page
//   mapping-tables/tablemaps/<name>.yaml   one per template of mapping-tables.md; the files that
//                                           were translated by hand before are kept as they are
//                                           (only their "# source:" line is brought up to date)
//   index.json                              every page and template: path, commit, map name, rows
//
// Usage: node scripts/translate-template-pages.mjs [--pages DIR] [--out DIR]
//   DIR (pages) holds manifest.tsv (file, path, commit, total_chars a line), pages/*.md and
//   mapping-tables.md, exactly as read from the repository (line endings aside), and optionally
//   notes.json (findings about the reading itself, copied into the index). Default /tmp/dw-pages.
//
// Faithfulness: map types, lookups, defaults, value maps and filters are copied as printed. The
// only things derived (and marked so in the index) are the Dataverse logical table name when the
// page gives only the entity set, the finance and operations entity name when the page gives only a
// label, and the scope.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const pagesDir = opt("--pages", "/tmp/dw-pages");
const outDir = opt("--out", join(root, "test/corpus/templates"));

const REPO = "MicrosoftDocs/dynamics-365-unified-operations-public";
const FOLDER = "articles/fin-ops-core/dev-itpro/data-entities/dual-write/includes";
const SCHEMA = join(root, "schemas/table-map.schema.json");

// ---------------------------------------------------------------------------------------------
// Markdown tables

const MAP_TYPES = new Set(["=", ">", "<", "><", ">>", "<<"]);

/** A cell value with markdown code spans removed: `x` -> x. */
function unquote(text) {
  const t = text.trim();
  const m = /^`([^`]*)`$/.exec(t);
  return m ? m[1] : t;
}

/** One side of a value-map entry: `yes` -> "yes"; the word blank (not in a code span) -> "". */
function valueMapSide(text) {
  const t = text.trim();
  if (/^`[^`]*`$/.test(t)) return t.slice(1, -1);
  if (t === "blank") return "";
  return t;
}

/** Value maps are printed in the map-type cell: "><<br>`no` : `False`<br>`yes` : `True`". */
function parseMapCell(cell, notes, where) {
  const parts = cell.split("<br>");
  const symbol = parts[0].trim();
  if (!MAP_TYPES.has(symbol)) notes.push(`${where}: map type "${symbol}" is not one of = > < >< >> <<`);
  if (parts.length === 1) return { symbol };
  const entries = [];
  for (const raw of parts.slice(1)) {
    const m = /^(`[^`]*`|blank)\s*:\s*(`[^`]*`|blank)$/.exec(raw.trim());
    if (m === null) {
      notes.push(`${where}: value-map entry ${JSON.stringify(raw)} could not be read`);
      continue;
    }
    entries.push([valueMapSide(m[1]), valueMapSide(m[2])]);
  }
  return { symbol, entries };
}

/** Choice values are whole numbers; everything else (True, False, names, "") stays text, as printed. */
function valueMapValue(text) {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** Defaults: whole numbers as numbers, True/False as booleans, anything else as printed. */
function defaultValue(text) {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return text;
}

/** Splits a markdown table row into trimmed cells (leading/trailing pipes optional). */
function cells(line) {
  let body = line.trim();
  if (body.startsWith("|")) body = body.slice(1);
  const out = body.split("|").map((c) => c.trim());
  if (out.length > 0 && out[out.length - 1] === "" && /\|\s*$/.test(line) && out.length > 4) out.pop();
  return out;
}

/** Reads the field table that follows a "... | Map type | ..." header; returns rows and notes. */
function parseTable(lines, start, where) {
  const notes = [];
  const rows = [];
  let i = start + 2; // header, separator
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || !line.includes("|")) break;
    const c = cells(line);
    const [foCell = "", mapCell = "", dvCell = "", defCell = ""] = c;
    if (c.length > 4 && c.slice(4).some((x) => x !== "")) notes.push(`${where}: row ${rows.length + 1} has more than four cells: ${line.trim()}`);
    const { symbol, entries } = parseMapCell(mapCell, notes, `${where} row ${rows.length + 1}`);
    const row = { raw: line.trim(), symbol };
    const fo = foCell.trim();
    const dv = dvCell.trim();
    if (fo !== "none" && fo !== "") row.fo = fo;
    if (dv !== "none" && dv !== "") row.dv = dv;
    if (entries !== undefined) row.valueMap = entries;
    const def = defCell.trim();
    if (def !== "") row.default = def;
    rows.push(row);
  }
  return { rows, notes, end: i };
}

// ---------------------------------------------------------------------------------------------
// The two renderings

/** A per-template page: "## <label> to <entity set>", optional filters, one table. */
function parsePage(text, file) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const notes = [];
  const heading = lines.find((l) => l.startsWith("## "));
  const m = heading === undefined ? null : /^##\s+(.*\S)\s+to\s+(\S+)\s*$/.exec(heading);
  if (m === null) throw new Error(`${file}: no "## <label> to <table>" heading`);
  const filters = {};
  for (const line of lines) {
    const f = /^(Reversed source filter|Source filter):\s*(.*)$/.exec(line);
    if (f) filters[f[1] === "Source filter" ? "financeAndOperations" : "dataverse"] = unquote(f[2]);
  }
  const header = lines.findIndex((l) => /\|\s*Map type\s*\|/.test(l));
  if (header < 0) throw new Error(`${file}: no field table`);
  const table = parseTable(lines, header, file);
  notes.push(...table.notes);
  for (let i = table.end; i < lines.length; i++) {
    if (/\|\s*Map type\s*\|/.test(lines[i])) notes.push(`${file}: a second field table was not translated`);
  }
  return { label: m[1], entitySet: m[2], filters, rows: table.rows, notes };
}

/** mapping-tables.md: "###  <a name="N"></a><label> (<entity set>)" sections. */
function parseMappingTables(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const sections = [];
  for (let i = 0; i < lines.length; i++) {
    const h = /^###\s+<a name="([^"]+)"><\/a>(.*\S)\s+\(([^)]+)\)\s*$/.exec(lines[i]);
    if (h === null) continue;
    let end = lines.length;
    for (let j = i + 1; j < lines.length; j++) if (lines[j].startsWith("### ")) { end = j; break; }
    const body = lines.slice(i, end);
    const where = `mapping-tables.md#${h[1]}`;
    const filters = {};
    for (const line of body) {
      const f = /^(Reversed source filter|Source filter):\s*(.*)$/.exec(line);
      if (f) filters[f[1] === "Source filter" ? "financeAndOperations" : "dataverse"] = unquote(f[2]);
    }
    const header = body.findIndex((l) => /\|\s*Map type\s*\|/.test(l));
    const table = header < 0 ? { rows: [], notes: [`${where}: no field table`] } : parseTable(body, header, where);
    sections.push({ anchor: h[1], label: h[2], entitySet: h[3], filters, rows: table.rows, notes: table.notes, line: i + 1 });
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Names

const kebab = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
const mapName = (label, entitySet) => `${kebab(label)}-${kebab(entitySet)}`.slice(0, 100).replace(/-+$/, "");

/**
 * Dataverse entity sets are the plural of the logical name (y -> ies; s, x, ch, sh -> +es; else +s).
 * A page gives the entity set; the table is derived by reversing that rule, except where the page's
 * file name or the hand-made corpus already names the table.
 */
const SINGULAR_OVERRIDES = {
  cdm_veteranstatuses: "cdm_veteranstatus",
  msdyn_chartofaccountses: "msdyn_chartofaccounts",
  msdyn_postaladdresses: "msdyn_postaladdress",
  msdyn_partypostaladdresses: "msdyn_partypostaladdress",
  msdyn_partyelectronicaddresses: "msdyn_partyelectronicaddress",
  msdyn_termsofdeliveries: "msdyn_termsofdelivery",
  msdyn_customerhierarchies: "msdyn_customerhierarchy",
  msdyn_internalorganizationhierarchies: "msdyn_internalorganizationhierarchy",
  msdyn_productcategoryhierarchies: "msdyn_productcategoryhierarchy",
  msdyn_warehouses: "msdyn_warehouse",
};
function singular(entitySet) {
  if (SINGULAR_OVERRIDES[entitySet]) return SINGULAR_OVERRIDES[entitySet];
  if (/ies$/.test(entitySet)) return entitySet.replace(/ies$/, "y");
  if (/(sses|xes|ches|shes)$/.test(entitySet)) return entitySet.replace(/es$/, "");
  return entitySet.replace(/s$/, "");
}

const pascal = (label) =>
  label
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");

// ---------------------------------------------------------------------------------------------
// YAML

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_ .()/-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
function scalar(v) {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  if (v !== "" && PLAIN.test(v) && !RESERVED.test(v) && !/^[0-9.+-]/.test(v) && !/\s$/.test(v)) return v;
  return JSON.stringify(v);
}
const single = (s) => `'${s.replace(/'/g, "''")}'`;

function fieldYaml(f) {
  const parts = [];
  if (f.fo !== undefined) parts.push(`fo: ${scalar(f.fo)}`);
  parts.push(`map: ${JSON.stringify(f.map)}`);
  if (f.dv !== undefined) parts.push(`dv: ${scalar(f.dv)}`);
  if (f.default !== undefined) parts.push(`default: ${scalar(f.default)}`);
  if (f.valueMap === undefined) return `  - { ${parts.join(", ")} }`;
  const out = [`  - ${parts[0]}`, ...parts.slice(1).map((p) => `    ${p}`), "    valueMap:"];
  for (const [k, v] of f.valueMap) out.push(`      ${JSON.stringify(k)}: ${scalar(v)}`);
  return out.join("\n");
}

function mapYaml(m, schemaRef) {
  const out = [];
  out.push(`# source: ${m.source}`);
  out.push(`# yaml-language-server: $schema=${schemaRef}`);
  out.push(`# generated by scripts/translate-template-pages.mjs from the page above; do not edit by hand`);
  out.push("kind: TableMap");
  out.push(`name: ${m.name}`);
  out.push(`financeAndOperations: { entity: ${m.entity}, label: ${scalar(m.label)} }`);
  out.push(`dataverse: { table: ${m.table}, entitySet: ${m.entitySet} }`);
  out.push(`scope: ${m.scope}`);
  out.push("version: { publisher: dynamics365, number: 1.0.0.0 }");
  if (m.filters.financeAndOperations !== undefined || m.filters.dataverse !== undefined) {
    out.push("filters:");
    if (m.filters.financeAndOperations !== undefined) out.push(`  financeAndOperations: ${single(m.filters.financeAndOperations)}`);
    if (m.filters.dataverse !== undefined) out.push(`  dataverse: ${single(m.filters.dataverse)}`);
  }
  out.push("fields:");
  for (const f of m.fields) out.push(fieldYaml(f));
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Translation of one template

function readHand(dir) {
  const maps = new Map();
  if (!existsSync(dir)) return maps;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const text = readFileSync(join(dir, file), "utf8");
    const dv = /dataverse: \{ table: (\S+), entitySet: (\S+) \}/.exec(text);
    const fo = /financeAndOperations: \{ entity: (\S+), label: (.*) \}/.exec(text);
    const generated = text.includes("# generated by scripts/translate-template-pages.mjs");
    const lines = text.split("\n");
    const start = lines.indexOf("fields:");
    let fields = 0;
    for (let i = start + 1; start >= 0 && i < lines.length && !/^[a-zA-Z]/.test(lines[i]); i++) if (/^ {2}- /.test(lines[i])) fields++;
    const anchor = /^# source: .*mapping-tables\.md(?:@[0-9a-f]+)?#(\S+)/m.exec(text)?.[1];
    maps.set(file.replace(/\.yaml$/, ""), { file, text, table: dv?.[1], entitySet: dv?.[2], entity: fo?.[1], label: fo?.[2], generated, fields, anchor });
  }
  return maps;
}

function readKeys(dir) {
  const keys = new Map();
  if (!existsSync(dir)) return keys;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const text = readFileSync(join(dir, file), "utf8");
    const table = /^table: (\S+)/m.exec(text)?.[1];
    const cols = /^columns: \[(.*)\]/m.exec(text)?.[1]?.split(",").map((s) => s.trim()) ?? [];
    if (table) keys.set(table, cols);
  }
  return keys;
}

const COMPANY_LOOKUP = /^(msdyn_company|cdm_companyid)\./;

function translate(t, ctx) {
  const notes = [...t.notes];
  const derived = {};
  // Dataverse table
  let table = ctx.tableHint;
  if (table !== undefined) derived.table = ctx.tableBasis;
  else {
    table = singular(t.entitySet);
    derived.table = "derived from the entity set (plural rule reversed)";
  }
  // Scope
  const keyCols = ctx.keys.get(table) ?? [];
  let scope = "global";
  if (t.rows.some((r) => r.dv !== undefined && COMPANY_LOOKUP.test(r.dv))) {
    scope = "company";
    derived.scope = "company: a row maps the company lookup";
  } else if (keyCols.some((c) => COMPANY_LOOKUP.test(c))) {
    scope = "company";
    derived.scope = "company: the corpus integration key of the table includes the company";
  } else derived.scope = "global: no company column mapped and no company-striped key known";
  const fields = t.rows.map((r) => {
    const f = { map: r.symbol };
    if (r.fo !== undefined) f.fo = r.fo;
    if (r.dv !== undefined) f.dv = r.dv;
    if (r.default !== undefined) f.default = defaultValue(r.default);
    if (r.valueMap !== undefined) {
      const seen = new Set();
      const vm = [];
      for (const [k, v] of r.valueMap) {
        if (seen.has(k)) {
          notes.push(`row "${r.raw}": value-map key ${JSON.stringify(k)} printed twice; the YAML format has one value per key, the first is kept`);
          continue;
        }
        seen.add(k);
        vm.push([k, valueMapValue(v)]);
      }
      f.valueMap = vm;
    }
    return f;
  });
  return {
    name: ctx.name,
    source: ctx.source,
    entity: ctx.entity,
    label: t.label,
    table,
    entitySet: t.entitySet,
    scope,
    filters: t.filters,
    fields,
    notes,
    derived,
  };
}

// ---------------------------------------------------------------------------------------------
// Main

const manifest = readFileSync(join(pagesDir, "manifest.tsv"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => {
    const [file, path, commit, chars] = l.split("\t");
    return { file, path, commit, chars: Number(chars) };
  });

const mtDir = join(outDir, "mapping-tables");
// Start from a clean slate: remove what an earlier run generated (hand-made files are kept).
for (const dir of [join(outDir, "pages", "tablemaps"), join(mtDir, "tablemaps")]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".yaml"))) {
    if (readFileSync(join(dir, f), "utf8").includes("# generated by scripts/translate-template-pages.mjs")) rmSync(join(dir, f));
  }
}
const handMaps = readHand(join(mtDir, "tablemaps"));
const keys = readKeys(join(mtDir, "keys"));
const knownTables = new Map();
for (const h of handMaps.values()) if (h.entitySet && h.table && !h.generated) knownTables.set(h.entitySet, h.table);

// Per-template pages
const pagesOut = join(outDir, "pages", "tablemaps");
mkdirSync(pagesOut, { recursive: true });
const schemaFrom = (dir) => relative(dir, SCHEMA).split("\\").join("/");
const pageEntries = [];
const pageByEntitySet = new Map();
const usedPageNames = new Set();
for (const entry of manifest.filter((e) => e.file !== "mapping-tables.md").sort((a, b) => a.file.localeCompare(b.file))) {
  const text = readFileSync(join(pagesDir, "pages", entry.file), "utf8");
  const page = parsePage(text, entry.file);
  const stem = entry.file.replace(/\.md$/, "");
  const dash = stem.indexOf("-");
  const entity = stem.slice(0, dash).replace(/[^A-Za-z0-9_]/g, "");
  const suffix = stem.slice(dash + 1).replace(/^-+/, "").replace(/-/g, "_").toLowerCase();
  let tableHint;
  let tableBasis;
  if (knownTables.has(page.entitySet)) {
    tableHint = knownTables.get(page.entitySet);
    tableBasis = "as in the hand-translated corpus for the same entity set";
  } else if (suffix !== page.entitySet && /^[a-z_][a-z0-9_]*$/.test(suffix)) {
    // The file name names the table when it differs from the entity set in the heading.
    tableHint = suffix;
    tableBasis = "from the page's file name";
  }
  let name = mapName(page.label, page.entitySet);
  const notes = [];
  if (usedPageNames.has(name)) {
    notes.push(`map name ${name} already used by another page; suffixed with the entity name`);
    name = `${name}-${kebab(entity)}`;
  }
  usedPageNames.add(name);
  const m = translate(page, { name, entity, source: `${entry.path}@${entry.commit}`, tableHint, tableBasis, keys });
  m.notes.unshift(...notes);
  const file = join(pagesOut, `${name}.yaml`);
  writeFileSync(file, mapYaml(m, schemaFrom(pagesOut)));
  const indexEntry = {
    path: entry.path,
    commit: entry.commit,
    chars: entry.chars,
    title: `${page.label} to ${page.entitySet}`,
    map: name,
    file: relative(root, file).split("\\").join("/"),
    rows: page.rows.length,
    entity,
    table: m.table,
    entitySet: m.entitySet,
    scope: m.scope,
    filters: Object.keys(page.filters).sort(),
    derived: m.derived,
    notes: m.notes,
  };
  pageEntries.push(indexEntry);
  if (!pageByEntitySet.has(page.entitySet)) pageByEntitySet.set(page.entitySet, []);
  pageByEntitySet.get(page.entitySet).push({ label: page.label, entity, table: m.table });
}

// mapping-tables.md
const mtManifest = manifest.find((e) => e.file === "mapping-tables.md");
const mtEntries = [];
if (mtManifest !== undefined) {
  const mtOut = join(mtDir, "tablemaps");
  mkdirSync(mtOut, { recursive: true });
  const text = readFileSync(join(pagesDir, "mapping-tables.md"), "utf8");
  const sections = parseMappingTables(text);
  const used = new Set();
  for (const s of sections) {
    let name = mapName(s.label, s.entitySet);
    const notes = [];
    if (used.has(name)) {
      notes.push(`map name ${name} already used by another template; suffixed with the anchor`);
      name = `${name}-${s.anchor}`;
    }
    used.add(name);
    const source = `${mtManifest.path}@${mtManifest.commit}#${s.anchor}`;
    // A hand translation is the one whose source line names this template's anchor.
    const handName = [...handMaps.keys()].find((k) => !handMaps.get(k).generated && handMaps.get(k).anchor === s.anchor);
    const hand = handName === undefined ? undefined : handMaps.get(handName);
    if (handName !== undefined && handName !== name) {
      notes.push(`translated by hand from an earlier revision as ${handName}; this revision's heading would name it ${name}`);
      name = handName;
    }
    const norm = (x) => x.toLowerCase().replace(/[^a-z0-9]/g, "");
    const candidates = pageByEntitySet.get(s.entitySet) ?? [];
    const page = candidates.find((p) => norm(p.label) === norm(s.label)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    const file = join(mtOut, `${name}.yaml`);
    used.add(name);
    const base = {
      anchor: s.anchor,
      title: `${s.label} (${s.entitySet})`,
      map: name,
      file: relative(root, file).split("\\").join("/"),
      rows: s.rows.length,
      filters: Object.keys(s.filters).sort(),
    };
    if (hand !== undefined && !hand.generated) {
      // Translated by hand before this script existed: keep it, record the revision it follows.
      const updated = hand.text.replace(/^# source: .*$/m, `# source: ${source}`).replace(/\$schema=\S+/, `$schema=${schemaFrom(mtOut)}`);
      if (updated !== hand.text) writeFileSync(file, updated);
      const handNotes = [...notes, ...s.notes];
      if (hand.fields !== s.rows.length) handNotes.push(`hand translation has ${hand.fields} fields, the page ${s.rows.length} rows`);
      mtEntries.push({ ...base, translation: "hand", fields: hand.fields, entity: hand.entity, table: hand.table, entitySet: hand.entitySet, notes: handNotes });
      continue;
    }
    let entity;
    let entityBasis;
    if (page !== undefined) {
      entity = page.entity;
      entityBasis = "from the per-template page's file name";
    } else {
      entity = pascal(s.label);
      entityBasis = "not published on the page; PascalCase of the label";
    }
    let tableHint = knownTables.get(s.entitySet);
    let tableBasis = tableHint ? "as in the hand-translated corpus for the same entity set" : undefined;
    if (tableHint === undefined && page !== undefined) {
      tableHint = page.table;
      tableBasis = "as derived for the per-template page";
    }
    const m = translate(s, { name, entity, source, tableHint, tableBasis, keys });
    m.derived.entity = entityBasis;
    m.notes.unshift(...notes);
    writeFileSync(file, mapYaml(m, schemaFrom(mtOut)));
    mtEntries.push({ ...base, translation: "generated", fields: m.fields.length, entity, table: m.table, entitySet: m.entitySet, scope: m.scope, derived: m.derived, notes: m.notes });
  }
  // Hand files that no template of this revision names
  for (const [name, hand] of handMaps) {
    if (hand.generated || mtEntries.some((e) => e.map === name)) continue;
    const stale = hand.text.replace(/^# source: (\S+?mapping-tables\.md)(?:@[0-9a-f]+)?#(\S+).*$/m, `# source: $1#$2 (an earlier revision: no template of @${mtManifest.commit} has this anchor)`);
    if (stale !== hand.text) writeFileSync(join(mtDir, "tablemaps", hand.file), stale);
    mtEntries.push({ anchor: null, title: null, map: name, file: relative(root, join(mtOut, hand.file)).split("\\").join("/"), rows: null, translation: "hand", fields: hand.fields, notes: [`no template of mapping-tables.md@${mtManifest.commit} has this name: translated by hand from an earlier revision`] });
  }
}

const index = {
  $comment: "Written by scripts/translate-template-pages.mjs from Microsoft's pages. rows = field rows printed on the page.",
  repository: REPO,
  folder: FOLDER,
  notes: existsSync(join(pagesDir, "notes.json")) ? JSON.parse(readFileSync(join(pagesDir, "notes.json"), "utf8")) : [],
  pages: pageEntries,
  mappingTables: mtManifest === undefined ? null : { path: mtManifest.path, commit: mtManifest.commit, chars: mtManifest.chars, templates: mtEntries },
  totals: {
    pages: pageEntries.length,
    pageRows: pageEntries.reduce((n, e) => n + e.rows, 0),
    mappingTablesTemplates: mtEntries.filter((e) => e.anchor !== null).length,
    mappingTablesRows: mtEntries.reduce((n, e) => n + (e.rows ?? 0), 0),
  },
};
writeFileSync(join(outDir, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
console.log(JSON.stringify(index.totals));
