import { toMapDefinition } from "../../src/model/definition.js";
import { keyAttribute, type Desired, type MapState } from "../../src/model/desired.js";
import type { LastAppliedRecord } from "../../src/model/last-applied.js";
import { desiredForPair, type PairDesired } from "../../src/model/pair-view.js";
import { mapKey, type LiveMap, type LiveMapState, type MapDefinition, type Snapshot } from "../../src/model/snapshot.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { buildPlan, type BuildPlanInput } from "../../src/plan/build-plan.js";
import { definitionHash } from "../../src/plan/normalise-definition.js";
import type { Plan } from "../../src/plan/plan.js";
import { refOf } from "../../src/plan/plan-map.js";
import { baseEstate, toInputs } from "../helpers/estate.js";

export const createdAt = "2025-03-14T09:30:00Z";
export const commit = "4f3c2a1e9b8d7c6f5e4d3c2b1a0f9e8d7c6b5a49";
export const tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const clientId = "0c5e1d7a-3b2f-4e6a-9d8c-1f2e3a4b5c6d";

const organizationIds: Record<string, string> = {
  prod: "5a1f0c3e-8d2b-4c7a-9e6f-1b3d5f7a9c0e",
  stage: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
};

const environments = `kind: Environments
pairs:
  - name: prod
    protected: true
    financeAndOperations: { url: "https://contoso.operations.dynamics.com" }
    dataverse: { url: "https://contoso.crm.dynamics.com" }
    dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" }
    legalEntities: [USMF]
    auth: { method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }
  - name: stage
    refreshedFrom: prod
    financeAndOperations: { url: "https://contoso-stage.sandbox.operations.dynamics.com" }
    dataverse: { url: "https://contoso-stage.crm.dynamics.com" }
    dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" }
    legalEntities: [USMF]
    auth: { method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }
`;

export const contactsMap = `kind: TableMap
name: contacts
financeAndOperations: { entity: CDSContactsV2, label: CDS Contacts V2 }
dataverse: { table: contact, entitySet: contacts }
scope: company
version: { publisher: contoso, number: 1.0.0.0 }
initialSync: { enabled: true, master: dataverse }
fields:
  - { fo: CONTACTPERSONID, map: "=", dv: msdyn_contactpersonid }
  - { fo: FIRSTNAME, map: "=", dv: firstname }
  - { fo: LASTNAME, map: "=", dv: lastname }
  - { fo: ASSOCIATEDCUSTOMERACCOUNT, map: "=", dv: parentcustomerid.accountnumber }
`;

export const contactKey = `kind: IntegrationKey
table: contact
columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_contactpersonid_company, displayName: Contact person and company }
`;

/** The shared base estate, with real-looking pairs and without the stage override of customers. */
export function planEstate(changes: Record<string, string | undefined> = {}): Record<string, string> {
  const files = baseEstate();
  files["maps/environments.yaml"] = environments;
  const customers = files["maps/tablemaps/customers.yaml"] ?? "";
  files["maps/tablemaps/customers.yaml"] = customers.replace("environments:\n  stage: { state: paused }\n", "");
  for (const [path, text] of Object.entries(changes)) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  return files;
}

/** Replaces text in one file of planEstate(); throws when the text is not there, so fixtures cannot rot silently. */
export function editFile(files: Record<string, string>, path: string, from: string, to: string): Record<string, string> {
  const text = files[path];
  if (text === undefined || !text.includes(from)) throw new Error(`fixture ${path} does not contain ${from}`);
  return { ...files, [path]: text.replace(from, to) };
}

export function loadDesired(files: Record<string, string>): Desired {
  const result = validateSources(toInputs(files));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join("\n"));
  return result.desired;
}

export function pairDesired(files: Record<string, string>, name = "stage"): PairDesired {
  const desired = loadDesired(files);
  const pair = desired.pairs.find((p) => p.name === name);
  if (pair === undefined) throw new Error(`no pair ${name}`);
  return desiredForPair(desired, pair);
}

function liveState(state: MapState): LiveMapState {
  return state;
}

export function liveMap(definition: MapDefinition, state: LiveMapState, lastRequest?: LiveMap["lastRequest"]): LiveMap {
  const version = { id: `${definition.dataverse.table}-${definition.version.number}`, ...definition.version };
  const map: LiveMap = {
    ref: { entity: definition.financeAndOperations.entity, table: definition.dataverse.table },
    definition,
    versions: [version],
    templates: [{ ...version }],
    initialised: true,
    state,
  };
  if (lastRequest !== undefined) map.lastRequest = lastRequest;
  return map;
}

/** A linked pair with nothing on it yet. */
export function emptyLive(pd: PairDesired): Snapshot {
  const dataverseUrl = pd.pair.dataverse.url;
  return {
    pair: pd.pair.name,
    identity: {
      financeAndOperationsUrl: pd.pair.financeAndOperations.url,
      dataverseUrl,
      dataverseOrganizationId: organizationIds[pd.pair.name] ?? "00000000-0000-4000-8000-000000000000",
    },
    link: {
      connectionSet: `${pd.pair.name}-dw-connectionset`,
      dataverseUrl,
      powerAppsEnvironment: organizationIds[pd.pair.name] ?? "00000000-0000-4000-8000-000000000000",
      legalEntities: [...pd.pair.legalEntities],
    },
    maps: [],
    alternateKeys: [],
    integrationKeys: [],
    runtime: { financeAndOperations: [], dataverse: [] },
    legalEntitiesInDataverse: [...pd.pair.legalEntities],
    lock: undefined,
    lastApplied: undefined,
  };
}

/** The snapshot an apply of pd would leave behind. */
export function liveFromDesired(pd: PairDesired): Snapshot {
  const snapshot = emptyLive(pd);
  snapshot.maps = pd.maps.map((pm) =>
    liveMap(toMapDefinition(pm.map), liveState(pm.state)),
  );
  snapshot.alternateKeys = pd.keys.map((k) => ({
    table: k.table,
    schemaName: k.alternateKey.schemaName,
    displayName: k.alternateKey.displayName,
    attributes: [...new Set(k.columns.map(keyAttribute))],
    status: "active" as const,
  }));
  snapshot.integrationKeys = pd.keys.map((k) => ({ table: k.table, columns: [...k.columns] }));
  snapshot.runtime.financeAndOperations = pd.maps
    .filter((pm) => pm.state !== "stopped")
    .flatMap((pm) => [
      { projectName: `${pm.map.name}-to-dataverse`, externalEnvironmentUrl: pd.pair.dataverse.url, status: "Running" },
      { projectName: `${pm.map.name}-to-finops`, externalEnvironmentUrl: pd.pair.dataverse.url, status: "Running" },
    ]);
  return snapshot;
}

/** The record an apply of pd would have written. */
export function lastAppliedFor(pd: PairDesired): LastAppliedRecord {
  return {
    format_version: "1",
    commit: "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e",
    planHash: "e".repeat(64),
    desiredHash: "d".repeat(64),
    appliedAt: "2025-03-01T08:00:00Z",
    actor: "github-actions[bot]",
    runId: "8231",
    maps: Object.fromEntries(
      pd.maps.map((pm) => [
        mapKey(refOf(pm)),
        { name: pm.map.name, definitionHash: definitionHash(toMapDefinition(pm.map)), state: pm.state, protected: pm.map.protected },
      ]),
    ),
    keys: Object.fromEntries(pd.keys.map((k) => [k.table, { columns: [...k.columns], alternateKey: k.alternateKey.schemaName }])),
    legalEntities: [...pd.pair.legalEntities],
  };
}

/** Changes one live map in place (found by Dataverse table) and returns the snapshot. */
export function withLiveMap(snapshot: Snapshot, table: string, change: (map: LiveMap) => void): Snapshot {
  const map = snapshot.maps.find((m) => m.ref.table === table);
  if (map === undefined) throw new Error(`no live map on ${table}`);
  change(map);
  return snapshot;
}

/** Plans pd against a snapshot (by default: what applying pd would leave), with the record of that apply. */
export function planOf(
  pd: PairDesired,
  options: { live?: Snapshot; lastApplied?: LastAppliedRecord | undefined; prune?: boolean; maxStops?: number; confirm?: string } = {},
): Plan {
  const planOptions: BuildPlanInput["options"] = { prune: options.prune ?? false };
  if (options.maxStops !== undefined) planOptions.maxStops = options.maxStops;
  if (options.confirm !== undefined) planOptions.confirm = options.confirm;
  return buildPlan({
    desired: pd,
    snapshot: options.live ?? liveFromDesired(pd),
    lastApplied: "lastApplied" in options ? options.lastApplied : lastAppliedFor(pd),
    options: planOptions,
    createdAt,
  });
}

/** "kind map" for each action, the compact form unit tests compare. */
export function steps(plan: Plan): string[] {
  return plan.actions.map((a) => `${a.wave} ${a.kind}${"map" in a ? ` ${a.map}` : "table" in a ? ` ${a.table}` : ""}`);
}
