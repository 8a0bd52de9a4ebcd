import type { TableMap } from "../generated/table-map.js";
import type { IntegrationKey } from "../generated/integration-key.js";
import type { Environments } from "../generated/environments.js";
import type { MoveEntry } from "./moved.js";

export type Scope = TableMap["scope"];
export type MapState = NonNullable<TableMap["state"]>;
export type Side = "financeAndOperations" | "dataverse";
export type Direction = "toDataverse" | "toFinOps" | "both";
export type MapSymbol = "=" | "><" | ">" | "<" | ">>" | "<<";

/** A Dataverse column reference as Microsoft writes it in a map. */
export interface DataversePath {
  raw: string;
  /** The column on the mapped table itself (the lookup column for a lookup). */
  column: string;
  kind: "column" | "lookup" | "nested" | "polymorphic";
  /** For lookups: the tables and columns the lookup resolves through, when the path names them. */
  targets: { table: string | undefined; column: string }[];
}

export interface ValueMapEntry {
  from: string;
  to: string | number | boolean | null;
}

export interface FieldMapping {
  index: number;
  symbol: MapSymbol;
  direction: Direction;
  /** Whether the symbol is one of the transform symbols (><, >>, <<). */
  transform: boolean;
  fo: string | undefined;
  dv: DataversePath | undefined;
  valueMap: ValueMapEntry[] | undefined;
  default: { value: string | number | boolean | null } | undefined;
  relatedTable: string | undefined;
}

export type AlertRule = Required<NonNullable<TableMap["alerts"]>[number]>;
export type NumberSequence = NonNullable<TableMap["numberSequences"]>[number];
export type EnvironmentOverride = NonNullable<TableMap["environments"]>[string];

/** A version as the service names it: publisher (a template's `author`) and major.minor.build.revision. */
export interface MapVersion {
  publisher: string;
  number: string;
}

/**
 * Which version of a map git asks for: a pin (dwctl saves git's definition as that version), or
 * the latest version of some publishers (DW Helper's authors; dwctl only switches to it).
 */
export type VersionSpec = ({ kind: "pin" } & MapVersion) | { kind: "follow"; publishers: string[] };

/** When dwctl runs an initial sync for a map: on its first start (enabled), and once per new rerun token. */
export interface InitialSyncPolicy {
  enabled: boolean;
  master: Side;
  rerun: string | undefined;
}

/** What a resume does with the records queued while a map was paused. */
export type QueuedRecords = "replay" | "skip-and-keep" | "skip-and-discard";

export interface TableMapModel {
  file: string;
  name: string;
  financeAndOperations: { entity: string; label: string; scope: Scope };
  dataverse: { table: string; entitySet: string; scope: Scope };
  scope: Scope;
  version: VersionSpec;
  state: MapState;
  initialSync: InitialSyncPolicy;
  resume: { queuedRecords: QueuedRecords };
  filters: { financeAndOperations: string | undefined; dataverse: string | undefined };
  fields: FieldMapping[];
  dependsOn: string[];
  alerts: AlertRule[];
  numberSequences: NumberSequence[];
  protected: boolean;
  environments: Record<string, EnvironmentOverride>;
}

export interface IntegrationKeyModel {
  file: string;
  table: string;
  columns: string[];
  alternateKey: IntegrationKey["alternateKey"];
}

export type EnvironmentPair = Environments["pairs"][number] & { file: string; index: number };

/** Everything the repository declares, normalised. Pure data. */
export interface Desired {
  maps: TableMapModel[];
  keys: IntegrationKeyModel[];
  pairs: EnvironmentPair[];
  /** Renames of maps (kind Moved); absent when git has none. */
  moved?: MoveEntry[];
}

const symbolByWord: Record<string, MapSymbol> = {
  both: "=",
  "both-transform": "><",
  "to-dataverse": ">",
  "to-finops": "<",
  "to-dataverse-transform": ">>",
  "to-finops-transform": "<<",
};

export function mapSymbol(written: string): MapSymbol {
  return symbolByWord[written] ?? (written as MapSymbol);
}

export function directionOf(symbol: MapSymbol): Direction {
  if (symbol === "=" || symbol === "><") return "both";
  return symbol.startsWith(">") ? "toDataverse" : "toFinOps";
}

export function writesDataverse(direction: Direction): boolean {
  return direction !== "toFinOps";
}

export function writesFinOps(direction: Direction): boolean {
  return direction !== "toDataverse";
}

const polymorphicPart = /^([A-Za-z_][A-Za-z0-9_]*)\(([a-z0-9_.]+)\)$/;

/** The targets of a plain column: none. Frozen, as every plain column shares it. */
const NO_TARGETS = Object.freeze([]) as unknown as DataversePath["targets"];

export function parseDataversePath(raw: string): DataversePath {
  const parts = raw.split(/\.(?![^(]*\))/);
  const column = parts[0] ?? raw;
  // A plain column (most of a large estate's fields) shares its name and an empty list: a map of 40
  // fields held 80 more objects otherwise (README, Benchmarks, Memory).
  if (parts.length === 1) return { raw, column: raw, kind: "column", targets: NO_TARGETS };
  const rest = parts.slice(1);
  const poly = rest.map((p) => polymorphicPart.exec(p));
  if (poly.every((m) => m !== null)) {
    return {
      raw,
      column,
      kind: "polymorphic",
      targets: poly.map((m) => ({ table: (m?.[1] ?? "").toLowerCase(), column: m?.[2] ?? "" })),
    };
  }
  if (rest.length === 1) return { raw, column, kind: "lookup", targets: [{ table: undefined, column: rest[0] ?? "" }] };
  return { raw, column, kind: "nested", targets: [{ table: undefined, column: rest[rest.length - 1] ?? "" }] };
}

export function normaliseTableMap(doc: TableMap, file: string): TableMapModel {
  return {
    file,
    name: doc.name,
    financeAndOperations: {
      entity: doc.financeAndOperations.entity,
      label: doc.financeAndOperations.label ?? doc.financeAndOperations.entity,
      scope: doc.financeAndOperations.scope ?? doc.scope,
    },
    dataverse: {
      table: doc.dataverse.table,
      entitySet: doc.dataverse.entitySet,
      scope: doc.dataverse.scope ?? doc.scope,
    },
    scope: doc.scope,
    version: "follow" in doc.version ? { kind: "follow", publishers: [...doc.version.follow] } : { kind: "pin", publisher: doc.version.publisher, number: doc.version.number },
    state: doc.state ?? "running",
    initialSync: { enabled: doc.initialSync?.enabled ?? true, master: doc.initialSync?.master ?? "dataverse", rerun: doc.initialSync?.rerun },
    resume: { queuedRecords: doc.resume?.queuedRecords ?? "replay" },
    filters: { financeAndOperations: doc.filters?.financeAndOperations, dataverse: doc.filters?.dataverse },
    fields: doc.fields.map((field, index): FieldMapping => {
      const symbol = mapSymbol(field.map);
      return {
        index,
        symbol,
        direction: directionOf(symbol),
        transform: symbol === "><" || symbol === ">>" || symbol === "<<",
        fo: field.fo,
        dv: field.dv === undefined ? undefined : parseDataversePath(field.dv),
        valueMap:
          field.valueMap === undefined
            ? undefined
            : Object.entries(field.valueMap).map(([from, to]) => ({ from, to })),
        default: "default" in field ? { value: field.default ?? null } : undefined,
        relatedTable: field.relatedTable,
      };
    }),
    dependsOn: doc.dependsOn ?? [],
    alerts: (doc.alerts ?? []).map((a) => ({
      errorType: a.errorType ?? "application",
      errors: a.errors,
      withinMinutes: a.withinMinutes,
      notify: a.notify,
      action: a.action ?? "none",
    })),
    numberSequences: doc.numberSequences ?? [],
    protected: doc.protected ?? false,
    environments: doc.environments ?? {},
  };
}

export function normaliseIntegrationKey(doc: IntegrationKey, file: string): IntegrationKeyModel {
  return { file, table: doc.table, columns: doc.columns, alternateKey: doc.alternateKey };
}

export function normaliseEnvironments(doc: Environments, file: string): EnvironmentPair[] {
  return doc.pairs.map((pair, index) => ({ ...pair, file, index }));
}

/** The key attribute behind a key column: the lookup column for msdyn_company.cdm_companycode. */
export function keyAttribute(column: string): string {
  return column.split(".")[0] ?? column;
}
