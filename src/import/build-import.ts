import { parse } from "yaml";
import { toFieldRow } from "../model/definition.js";
import { directionOf, keyAttribute } from "../model/desired.js";
import type { Desired, EnvironmentPair, IntegrationKeyModel, MapState, Side, TableMapModel } from "../model/desired.js";
import { canonicalJson } from "../model/fingerprint.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { AlertRule } from "../model/desired.js";
import type { FieldRow, LiveMap, MapDefinition, Snapshot } from "../model/snapshot.js";
import { mapKey } from "../model/snapshot.js";
import type { LiveMapSource } from "../live/gateway.js";
import { matchIgnoreRules, type Ignored } from "../plan/match-ignore-rules.js";
import { endpointKey, normaliseDataverseFilter, normaliseDefinition, normaliseFinOpsFilter, sameDefinition } from "../plan/normalise-definition.js";
import { settledState } from "../plan/plan-map.js";
import { updateYaml } from "./edit-yaml.js";
import type { DwHelperIntent } from "./dw-helper/resolve.js";
import { freeName, ruleName, validMapName } from "./names.js";
import { isObject, renderDocument, sameJson } from "./render-yaml.js";

/**
 * dwctl import, the pure part: live maps, keys, legal entities and states in, YAML files out.
 *
 * Where each value of a written map comes from (README, "dwctl import"):
 * - name: the file that already declares the map (same entity and table), else the name the pair's
 *   last-applied record gives it, else the naming rule (names.ts);
 * - financeAndOperations.entity, dataverse.entitySet: the service's map list (`Entities`,
 *   leftEntity.name and rightEntity.name); dataverse.table: Dataverse's table metadata (EntityDefinitions);
 * - filters and fields: the map's project as the service runs it (`{pid}/FieldMappings`, the one leg);
 *   where the saved row of the active version (msdyn_dualwriteentitymap) holds the same rows, its
 *   values keep their JSON types (FieldMappings carries defaults and value maps as text);
 * - label, scope and alerts: the saved row's properties (FieldMappings has none of them); the label
 *   falls back to the service's leftEntity.displayName;
 * - version: the active template (`detail.template`: author and version);
 * - state: the map's state in `Entities`, settled (initialising and resuming count as running);
 * - keys: the connection set's integration keys (`userKeys`), the alternate key with the same
 *   columns from Dataverse's key metadata;
 * - legal entities: the connection set's legal-entity mappings.
 * Nothing comes from DualWriteProjectFieldConfiguration, whose columns can hold connection strings.
 */

export interface NamedLiveMap {
  map: LiveMap;
  name: string;
  /** The map as the estate declares it, when a file does. */
  existing: TableMapModel | undefined;
}

export interface FileChange {
  /** As the files were read (relative to the working folder). */
  path: string;
  action: "create" | "update" | "unchanged";
  text: string;
  /** What the file declares: a map name, a key's table or the pair. */
  subject: string;
  /** For an update: the top-level settings that changed. */
  changed: string[];
  /** The splicer could not keep the layout and the yaml library wrote the file again. */
  rewritten: boolean;
}

export interface ImportInput {
  pair: EnvironmentPair;
  snapshot: Snapshot;
  maps: readonly NamedLiveMap[];
  sources: ReadonlyMap<string, LiveMapSource>;
  estate: { desired: Desired; texts: ReadonlyMap<string, string> };
  /** Where a new file goes, and its schema modeline. */
  newFile: (kind: "TableMap" | "IntegrationKey", stem: string) => { path: string; modeline: string };
  /** What a DW Helper configuration asks of the maps it lists, by mapKey. */
  dwHelper?: ReadonlyMap<string, DwHelperIntent>;
}

export interface ImportResult {
  files: FileChange[];
  warnings: string[];
  /** One line per map: where its definition came from. */
  sources: { name: string; from: string }[];
}

/** The name of every live map: its file's, the last-applied record's, or the naming rule's, each unique. */
export function nameLiveMaps(snapshot: Snapshot, desired: Desired, reserved: ReadonlySet<string> = new Set()): NamedLiveMap[] {
  const byRef = new Map<string, TableMapModel>();
  for (const map of desired.maps) {
    const key = mapKey({ entity: map.financeAndOperations.entity, table: map.dataverse.table });
    if (!byRef.has(key)) byRef.set(key, map);
  }
  const applied = parseLastApplied(snapshot.lastApplied?.value)?.maps ?? {};
  const taken = new Set([...desired.maps.map((m) => m.name), ...reserved]);
  return snapshot.maps.map((map) => {
    const key = mapKey(map.ref);
    const existing = byRef.get(key);
    if (existing !== undefined) return { map, name: existing.name, existing };
    const recorded = applied[key]?.name;
    const name =
      recorded !== undefined && validMapName(recorded) && !taken.has(recorded)
        ? recorded
        : freeName(ruleName(map.definition.financeAndOperations.label, map.definition.dataverse.entitySet), map.ref.entity, taken);
    taken.add(name);
    return { map, name, existing: undefined };
  });
}

export function buildImport(input: ImportInput): ImportResult {
  const warnings: string[] = [];
  const files: FileChange[] = [];
  const origins: ImportResult["sources"] = [];
  const { pair } = input;
  for (const named of input.maps) {
    const intent = input.dwHelper?.get(mapKey(named.map.ref));
    const chosen = chooseDefinition(named, input.sources.get(mapKey(named.map.ref)), intent, warnings);
    origins.push({ name: named.name, from: chosen.from });
    const live: LiveView = {
      definition: chosen.definition,
      state: intent?.state ?? settledState(named.map.state),
      initialSync: intent?.initialSync,
      follow: intent?.follow,
    };
    if (named.existing === undefined) {
      const target = newMapData(named.name, live);
      const { path, modeline } = input.newFile("TableMap", named.name);
      files.push({ path, action: "create", text: renderDocument(target, modeline), subject: named.name, changed: [], rewritten: false });
      continue;
    }
    const existing = named.existing;
    const text = input.estate.texts.get(existing.file);
    if (text === undefined) throw new Error(`no text for ${existing.file}`);
    const override = existing.environments[pair.name];
    if (override?.enabled === false) {
      warnings.push(`${existing.file}: ${existing.name} runs in pair ${pair.name}, but the file disables it there (environments.${pair.name}.enabled: false): left as it is`);
      files.push({ path: existing.file, action: "unchanged", text, subject: existing.name, changed: [], rewritten: false });
      continue;
    }
    const current = parse(text) as Record<string, unknown>;
    const target = updatedMapData(current, existing, live, pair, matchIgnoreRules(pair, existing.name));
    files.push(fileUpdate(existing.file, text, current, target, existing.name));
  }
  files.push(...keyFiles(input, warnings));
  const environments = legalEntitiesUpdate(input, warnings);
  if (environments !== undefined) files.push(environments);
  return { files, warnings, sources: origins };
}

interface LiveView {
  definition: MapDefinition;
  state: MapState;
  initialSync: { enabled: boolean; master: Side } | undefined;
  /** A DW Helper entry that asks for the latest version of these authors: written as `version: { follow }`. */
  follow: string[] | undefined;
}

function fileUpdate(path: string, text: string, current: Record<string, unknown>, target: Record<string, unknown>, subject: string): FileChange {
  const changed = [...new Set([...Object.keys(current), ...Object.keys(target)])].filter((key) => !sameJson(current[key], target[key]));
  if (changed.length === 0) return { path, action: "unchanged", text, subject, changed, rewritten: false };
  const updated = updateYaml(text, target);
  return { path, action: updated.changed ? "update" : "unchanged", text: updated.text, subject, changed, rewritten: updated.rewritten };
}

/**
 * The definition to write: FieldMappings' project where the service has one; with the saved row's
 * values (typed defaults and value maps, label, scopes, alerts) where the row holds the same rows.
 * A DW Helper pin to another saved version takes that version's row.
 */
function chooseDefinition(named: NamedLiveMap, source: LiveMapSource | undefined, intent: DwHelperIntent | undefined, warnings: string[]): { definition: MapDefinition; from: string } {
  const { map, name } = named;
  const active = map.definition.version;
  const saved = source?.versions.find((version) => sameSavedVersion(version, active));
  const project = source?.project;
  let definition: MapDefinition;
  let from: string;
  if (project?.definition !== undefined && saved !== undefined) {
    if (sameAsText(project.definition, saved.definition)) {
      definition = saved.definition;
      from = `FieldMappings of project ${project.projectName}, typed values and label, scope and alerts from the saved row ${active.publisher} ${active.number}`;
    } else {
      definition = saved.definition;
      from = `the saved row ${active.publisher} ${active.number} (FieldMappings of project ${project.projectName} differs)`;
      warnings.push(
        `${name}: the project the service runs (${project.projectName}, read with FieldMappings) differs from the saved active version ${active.publisher} ${active.number}: the saved version is written, which is what plan compares and apply starts; the project takes it at the next Refresh tables and start`,
      );
    }
  } else if (project?.definition !== undefined) {
    definition = project.definition;
    from = `FieldMappings of project ${project.projectName} (no readable saved row: scope ${project.definition.financeAndOperations.scope} and no alerts, which FieldMappings does not carry)`;
  } else if (saved !== undefined) {
    definition = saved.definition;
    from =
      project === undefined
        ? `the saved row ${active.publisher} ${active.number} (the map has no project yet, so FieldMappings cannot be read)`
        : `the saved row ${active.publisher} ${active.number} (FieldMappings answered without a leg: ${project.problem ?? ""})`;
  } else {
    definition = map.definition;
    from = "the snapshot";
  }
  if (intent?.version !== undefined && !(intent.version.number === active.number && intent.version.publisher.toLowerCase() === active.publisher.toLowerCase())) {
    const pinned = source?.versions.find((version) => sameSavedVersion(version, intent.version ?? active));
    if (pinned === undefined) {
      warnings.push(
        `${name}: the DW Helper file (line ${intent.line}) asks for version ${intent.version.publisher} ${intent.version.number}, which has no readable saved row: the live version ${active.publisher} ${active.number} is written`,
      );
    } else {
      definition = { ...pinned.definition, version: { ...intent.version } };
      from = `the saved row ${intent.version.publisher} ${intent.version.number}, the version the DW Helper file asks for (line ${intent.line})`;
    }
  }
  if (definition.version.publisher === "") {
    const template = map.templates.find((t) => t.number === definition.version.number);
    if (template !== undefined) {
      definition = { ...definition, version: { publisher: template.publisher, number: definition.version.number } };
      warnings.push(`${name}: the saved row of version ${definition.version.number} names no publisher: the service's template author ${template.publisher} is written`);
    }
  }
  return { definition, from };
}

function sameSavedVersion(version: { publisher: string | undefined; number: string }, wanted: { publisher: string; number: string }): boolean {
  return version.number === wanted.number && (version.publisher === undefined || version.publisher === "" || version.publisher.toLowerCase() === wanted.publisher.toLowerCase());
}

/** Two definitions with the same rows and filters once every value is read as text (as FieldMappings carries them). */
function sameAsText(a: MapDefinition, b: MapDefinition): boolean {
  const text = (value: unknown): unknown => (value === null || typeof value === "string" ? value : JSON.stringify(value));
  const flatten = (definition: MapDefinition): MapDefinition => ({
    financeAndOperations: { entity: definition.financeAndOperations.entity.toLowerCase(), label: "", scope: "company" },
    dataverse: { table: definition.dataverse.table, entitySet: "", scope: "company" },
    version: { publisher: "", number: "" },
    filters: definition.filters,
    alerts: [],
    fields: definition.fields.map((row) => {
      const out: FieldRow = { ...row };
      if (row.valueMap !== undefined) out.valueMap = Object.fromEntries(Object.entries(row.valueMap).map(([k, v]) => [k, text(v) as string | null]));
      if ("default" in row) out.default = text(row.default) as string | null;
      return out;
    }),
  });
  return sameDefinition(flatten(a), flatten(b));
}

/** One field row as a YAML mapping, keys in the order maps/ writes them. */
export function fieldData(row: FieldRow): Record<string, unknown> {
  return {
    ...(row.fo === undefined ? {} : { fo: row.fo }),
    map: row.map,
    ...(row.dv === undefined ? {} : { dv: row.dv }),
    ...(row.valueMap === undefined ? {} : { valueMap: { ...row.valueMap } }),
    ...("default" in row ? { default: row.default ?? null } : {}),
  };
}

function alertData(alert: AlertRule): Record<string, unknown> {
  return {
    ...(alert.errorType === "application" ? {} : { errorType: alert.errorType }),
    errors: alert.errors,
    withinMinutes: alert.withinMinutes,
    notify: [...alert.notify],
    ...(alert.action === "none" ? {} : { action: alert.action }),
  };
}

function filtersData(filters: MapDefinition["filters"]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (filters.financeAndOperations !== undefined && filters.financeAndOperations.trim() !== "") out["financeAndOperations"] = filters.financeAndOperations;
  if (filters.dataverse !== undefined && filters.dataverse.trim() !== "") out["dataverse"] = filters.dataverse;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** A map the estate does not declare yet, in the key order of maps/ and the schema. */
function newMapData(name: string, live: LiveView): Record<string, unknown> {
  const d = live.definition;
  const scope = d.financeAndOperations.scope;
  const filters = filtersData(d.filters);
  return {
    kind: "TableMap",
    name,
    financeAndOperations: { entity: d.financeAndOperations.entity, label: d.financeAndOperations.label },
    dataverse: { table: d.dataverse.table, entitySet: d.dataverse.entitySet, ...(d.dataverse.scope === scope ? {} : { scope: d.dataverse.scope }) },
    scope,
    version: live.follow === undefined ? { publisher: d.version.publisher, number: d.version.number } : { follow: [...live.follow] },
    state: live.state,
    ...(live.initialSync === undefined ? {} : { initialSync: { enabled: live.initialSync.enabled, master: live.initialSync.master } }),
    ...(filters === undefined ? {} : { filters }),
    fields: d.fields.map(fieldData),
    ...(d.alerts.length === 0 ? {} : { alerts: d.alerts.map(alertData) }),
  };
}

/** Sets `key` in `object`, keeping the position it has, or putting it where `order` places it. */
function put(object: Record<string, unknown>, key: string, value: unknown, order: readonly string[]): Record<string, unknown> {
  if (Object.hasOwn(object, key)) return { ...object, [key]: value };
  const rank = (k: string): number => {
    const index = order.indexOf(k);
    return index < 0 ? order.length : index;
  };
  const entries = Object.entries(object);
  const at = entries.findIndex(([k]) => rank(k) > rank(key));
  entries.splice(at < 0 ? entries.length : at, 0, [key, value]);
  return Object.fromEntries(entries);
}

function drop(object: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
}

const MAP_ORDER = [
  "kind",
  "name",
  "description",
  "financeAndOperations",
  "dataverse",
  "scope",
  "version",
  "state",
  "initialSync",
  "resume",
  "filters",
  "fields",
  "dependsOn",
  "alerts",
  "numberSequences",
  "protected",
  "environments",
];
const SIDE_ORDER = ["entity", "table", "label", "entitySet", "scope"];

function objectAt(value: unknown): Record<string, unknown> {
  return isObject(value) ? { ...value } : {};
}

/**
 * The file's data with what import reads set to the live values, and everything else (names,
 * descriptions, dependsOn, number sequences, overrides for other pairs, the spelling of map symbols,
 * the text of filters that mean the same) as the person wrote it. Aspects the pair's ignore rules
 * leave alone are not read.
 */
function updatedMapData(current: Record<string, unknown>, model: TableMapModel, live: LiveView, pair: EnvironmentPair, ignored: Ignored): Record<string, unknown> {
  const d = live.definition;
  let next = { ...current };
  let fo = objectAt(next["financeAndOperations"]);
  let dv = objectAt(next["dataverse"]);
  if (fo["entity"] !== d.financeAndOperations.entity) fo = put(fo, "entity", d.financeAndOperations.entity, SIDE_ORDER);
  if (model.financeAndOperations.label !== d.financeAndOperations.label) fo = put(fo, "label", d.financeAndOperations.label, SIDE_ORDER);
  if (model.dataverse.entitySet !== d.dataverse.entitySet) dv = put(dv, "entitySet", d.dataverse.entitySet, SIDE_ORDER);
  if (model.financeAndOperations.scope !== d.financeAndOperations.scope || model.dataverse.scope !== d.dataverse.scope) {
    next = put(next, "scope", d.financeAndOperations.scope, MAP_ORDER);
    fo = drop(fo, "scope");
    dv = d.dataverse.scope === d.financeAndOperations.scope ? drop(dv, "scope") : put(dv, "scope", d.dataverse.scope, SIDE_ORDER);
  }
  next = { ...next, financeAndOperations: fo, dataverse: dv };
  const written = model.version;
  if (ignored.version) {
    // The pair's ignore rules leave the version alone.
  } else if (live.follow !== undefined) {
    const same = written.kind === "follow" && sameJson(written.publishers.map((p) => p.toLowerCase()), live.follow.map((p) => p.toLowerCase()));
    if (!same) next["version"] = { follow: [...live.follow] };
  } else if (written.kind === "follow") {
    // A followed map keeps following: import takes its definition, not a pin (README, "Versions").
  } else if (written.publisher.toLowerCase() !== d.version.publisher.toLowerCase() || written.number !== d.version.number) {
    const version = objectAt(next["version"]);
    next["version"] = {
      ...version,
      publisher: written.publisher.toLowerCase() === d.version.publisher.toLowerCase() ? written.publisher : d.version.publisher,
      number: d.version.number,
    };
  }
  if (!ignored.state) {
    const override = model.environments[pair.name];
    if ((override?.state ?? model.state) !== live.state) {
      if (override?.state !== undefined) {
        const environments = objectAt(next["environments"]);
        next["environments"] = { ...environments, [pair.name]: { ...objectAt(environments[pair.name]), state: live.state } };
      } else next = put(next, "state", live.state, MAP_ORDER);
    }
  }
  if (live.initialSync !== undefined && (model.initialSync.enabled !== live.initialSync.enabled || model.initialSync.master !== live.initialSync.master)) {
    next = put(next, "initialSync", { ...objectAt(next["initialSync"]), enabled: live.initialSync.enabled, master: live.initialSync.master }, MAP_ORDER);
  }
  if (!ignored.filters) next = updatedFilters(next, model, d);
  if (ignored.fields !== "all") next["fields"] = updatedFields(current["fields"], model, d.fields, ignored);
  if (!ignored.alerts) {
    const same = canonicalJson(normaliseDefinition({ ...d, alerts: model.alerts }).alerts) === canonicalJson(normaliseDefinition(d).alerts);
    if (!same) next = d.alerts.length === 0 ? drop(next, "alerts") : put(next, "alerts", d.alerts.map(alertData), MAP_ORDER);
  }
  return next;
}

function updatedFilters(next: Record<string, unknown>, model: TableMapModel, d: MapDefinition): Record<string, unknown> {
  const written = objectAt(next["filters"]);
  let filters = written;
  const sides: [keyof MapDefinition["filters"], (text: string) => string][] = [
    ["financeAndOperations", normaliseFinOpsFilter],
    ["dataverse", normaliseDataverseFilter],
  ];
  for (const [side, normalise] of sides) {
    const mine = model.filters[side];
    const theirs = d.filters[side];
    const has = (text: string | undefined): text is string => text !== undefined && text.trim() !== "";
    if (!has(theirs)) {
      if (has(mine)) filters = drop(filters, side);
    } else if (!has(mine) || normalise(mine) !== normalise(theirs)) {
      filters = put(filters, side, theirs, ["financeAndOperations", "dataverse"]);
    }
  }
  if (sameJson(filters, written)) return next;
  return Object.keys(filters).length === 0 ? drop(next, "filters") : put(next, "filters", filters, MAP_ORDER);
}

/**
 * The rows as a multiset, as plan compares them: rows that match a live row stay as written (their
 * spelling and position); a row that no longer matches is replaced in place by the live row with the
 * same fields, or removed; live rows left over are added at the end.
 */
function updatedFields(written: unknown, model: TableMapModel, liveRows: readonly FieldRow[], ignored: Ignored): unknown[] {
  const raw = Array.isArray(written) ? [...(written as unknown[])] : [];
  const mine = model.fields.map(toFieldRow);
  const ignoredFields = ignored.fields;
  const skip = (row: FieldRow): boolean => ignoredFields === "all" || rowIgnored(row, ignoredFields);
  const comparable = (row: FieldRow): string =>
    ignored.transforms ? canonicalJson({ fo: row.fo ?? null, dv: row.dv ?? null, direction: directionOf(row.map) }) : canonicalJson(normaliseDefinition(definitionOf([row])).fields[0]);
  const pool = new Map<string, number>();
  for (const row of liveRows.filter((r) => !skip(r))) pool.set(comparable(row), (pool.get(comparable(row)) ?? 0) + 1);
  const unmatched: number[] = [];
  mine.forEach((row, index) => {
    if (skip(row)) return;
    const key = comparable(row);
    const left = pool.get(key) ?? 0;
    if (left > 0) pool.set(key, left - 1);
    else unmatched.push(index);
  });
  const extra = liveRows.filter((row) => {
    if (skip(row)) return false;
    const key = comparable(row);
    const left = pool.get(key) ?? 0;
    if (left === 0) return false;
    pool.set(key, left - 1);
    return true;
  });
  if (unmatched.length === 0 && extra.length === 0) return raw;
  const removed = new Set<number>();
  for (const index of unmatched) {
    const row = mine[index];
    const at = row === undefined ? -1 : extra.findIndex((candidate) => endpointKey(candidate) === endpointKey(row));
    const replacement = extra[at];
    if (replacement !== undefined) {
      raw[index] = fieldData(replacement);
      extra.splice(at, 1);
    } else removed.add(index);
  }
  return [...raw.filter((_, index) => !removed.has(index)), ...extra.map(fieldData)];
}

function definitionOf(fields: FieldRow[]): MapDefinition {
  return {
    financeAndOperations: { entity: "", label: "", scope: "company" },
    dataverse: { table: "", entitySet: "", scope: "company" },
    version: { publisher: "", number: "" },
    filters: {},
    fields,
    alerts: [],
  };
}

function rowIgnored(row: FieldRow, fields: ReadonlySet<string>): boolean {
  if (row.fo !== undefined && fields.has(row.fo)) return true;
  if (row.dv === undefined) return false;
  return fields.has(row.dv) || fields.has(row.dv.split(".")[0] ?? row.dv);
}

/** Integration key files for the tables of the imported maps: the live key (or the DW Helper file's) and the alternate key behind it. */
function keyFiles(input: ImportInput, warnings: string[]): FileChange[] {
  const files: FileChange[] = [];
  const { snapshot } = input;
  const tables = new Map<string, { columns: string[] | undefined; from: string }>();
  for (const named of input.maps) {
    const table = named.map.ref.table;
    const intent = input.dwHelper?.get(mapKey(named.map.ref));
    const previous = tables.get(table);
    if (intent !== undefined && intent.keys.length > 0) {
      if (previous?.from.startsWith("DW Helper") === true && previous.columns?.join(",") !== intent.keys.join(",")) {
        warnings.push(`${table}: the DW Helper file gives two integration keys (${previous.columns?.join(", ") ?? ""} and ${intent.keys.join(", ")}); DW Helper writes them in file order, so the last one, on line ${intent.line}, is written`);
      }
      tables.set(table, { columns: [...intent.keys], from: `DW Helper line ${intent.line}` });
    } else if (previous === undefined) {
      tables.set(table, { columns: snapshot.integrationKeys.find((key) => key.table === table)?.columns, from: "live" });
    }
  }
  const byTable = new Map<string, IntegrationKeyModel>();
  for (const key of input.estate.desired.keys) if (!byTable.has(key.table)) byTable.set(key.table, key);
  for (const [table, { columns }] of [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const existing = byTable.get(table);
    if (columns === undefined || columns.length === 0) {
      if (existing === undefined) warnings.push(`${table}: the pair has no integration key for this table; none is written (validate warns DW110, and a start needs one)`);
      continue;
    }
    const attributes = new Set(columns.map(keyAttribute));
    const alternate = snapshot.alternateKeys.find((key) => key.table === table && key.attributes.length === attributes.size && key.attributes.every((a) => attributes.has(a)));
    if (existing !== undefined) {
      const text = input.estate.texts.get(existing.file);
      if (text === undefined) throw new Error(`no text for ${existing.file}`);
      const current = parse(text) as Record<string, unknown>;
      let next = { ...current };
      if (existing.columns.join(",") !== columns.join(",")) {
        next["columns"] = [...columns];
        if (alternate === undefined) {
          warnings.push(
            `${existing.file}: no Dataverse alternate key has the columns of the integration key (${[...attributes].join(", ")}): plan will create ${existing.alternateKey.schemaName}; give it a new schema name if a key of that name exists on other columns`,
          );
        }
      }
      if (alternate !== undefined && (existing.alternateKey.schemaName !== alternate.schemaName || existing.alternateKey.displayName !== alternate.displayName)) {
        next = { ...next, alternateKey: { ...objectAt(current["alternateKey"]), schemaName: alternate.schemaName, displayName: alternate.displayName } };
      }
      files.push(fileUpdate(existing.file, text, current, next, table));
      continue;
    }
    let alternateKey: { schemaName: string; displayName: string };
    if (alternate !== undefined) alternateKey = { schemaName: alternate.schemaName, displayName: alternate.displayName };
    else {
      alternateKey = { schemaName: `dwctl_${table}_key`.slice(0, 100), displayName: `Integration key of ${table}`.slice(0, 100) };
      warnings.push(
        `${table}: no Dataverse alternate key has the columns of its integration key (${[...attributes].join(", ")}): the key file names a new one, ${alternateKey.schemaName}, which plan will create; rename it to your publisher's prefix`,
      );
    }
    const { path, modeline } = input.newFile("IntegrationKey", table);
    const target = { kind: "IntegrationKey", table, columns: [...columns], alternateKey };
    files.push({ path, action: "create", text: renderDocument(target, modeline), subject: table, changed: [], rewritten: false });
  }
  return files;
}

/** The pair's legal entities in environments.yaml, when the link's differ (compared as sets, as plan does). */
function legalEntitiesUpdate(input: ImportInput, warnings: string[]): FileChange | undefined {
  const { pair, snapshot } = input;
  if (snapshot.link === undefined) {
    warnings.push(`pair ${pair.name} is not linked: the dual-write service lists no connection for it, so there are no maps, keys or legal entities to import`);
    return undefined;
  }
  const live = snapshot.link.legalEntities;
  if ([...live].sort().join(",") === [...pair.legalEntities].sort().join(",")) return undefined;
  const text = input.estate.texts.get(pair.file);
  if (text === undefined) throw new Error(`no text for ${pair.file}`);
  const current = parse(text) as Record<string, unknown>;
  const pairs = Array.isArray(current["pairs"]) ? [...(current["pairs"] as unknown[])] : [];
  pairs[pair.index] = { ...objectAt(pairs[pair.index]), legalEntities: [...live] };
  warnings.push(
    `pair ${pair.name}: the link's legal entities are ${live.join(", ") || "none"}, environments.yaml had ${pair.legalEntities.join(", ")}: updated. They are chosen when a pair is linked (Reset link changes them)`,
  );
  return fileUpdate(pair.file, text, current, { ...current, pairs }, `pair ${pair.name}`);
}
