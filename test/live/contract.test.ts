import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordConflictError } from "../../src/live/gateway.js";
import type { ProgressEvent } from "../../src/live/gateway.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import type { HttpEnvironmentGateway } from "../../src/live/http-gateway.js";
import { fingerprint } from "../../src/model/fingerprint.js";
import type { MapDefinition } from "../../src/model/snapshot.js";
import { startSandbox } from "../../src/sandbox/index.js";
import type { RunningSandbox } from "../../src/sandbox/index.js";

/**
 * The adapters against the real sandbox, end to end: both are written from
 * shared/platform/dualwrite-service.md by different hands, so this is where the contract is
 * checked from both sides. The sandbox's imitation of the service is being rebuilt to that file;
 * until it lands, these tests may fail.
 */

const ref = { entity: "CustomersV3", table: "account" };
const SOLUTION = "ContosoDualWriteMaps";

const customers: MapDefinition = {
  financeAndOperations: { entity: "CustomersV3", label: "Customers V3", scope: "company" },
  dataverse: { table: "account", entitySet: "accounts", scope: "company" },
  version: { publisher: "contoso", number: "1.0.0.3" },
  filters: { financeAndOperations: '((PartyType == "Organization"))', dataverse: "customertypecode eq 3" },
  fields: [
    { fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" },
    { fo: "ORGANIZATIONNAME", map: "=", dv: "name" },
    { fo: "SALESCURRENCYCODE", map: "=", dv: "transactioncurrencyid.isocurrencycode" },
    { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { No: 0, Yes: 1 } },
    { fo: "INVOICEADDRESSLATITUDE", map: ">", dv: "address2_latitude" },
    { map: ">>", dv: "customertypecode", default: 3 },
    { fo: "LANGUAGEID", map: "<<", default: "en-us" },
  ],
  alerts: [{ errorType: "application", errors: 10, withinMinutes: 15, notify: ["ops@contoso.com"], action: "pause" }],
};

let sandbox: RunningSandbox | undefined;
let dataDir: string | undefined;
let gateway: HttpEnvironmentGateway;
const events: ProgressEvent[] = [];

async function waitForKey(table: string, schemaName: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await gateway.alternateKeyStatus(table, schemaName);
    if (status === "active" || status === "failed" || status === undefined) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return "timeout";
}

describe("the adapters against the sandbox", () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dwctl-contract-"));
    sandbox = await startSandbox({ dataDir, port: 0, timings: { keyPendingMs: 10, keyBuildMs: 30, mapTransitionMs: 30 } });
    gateway = gatewayForPair(
      {
        name: "stage",
        sandbox: true,
        auth: { method: "sandbox" },
        financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" },
        dataverse: { url: "http://127.0.0.1/stage/dataverse" },
      },
      {},
      {
        sandbox: { url: sandbox.url, secret: sandbox.secret },
        http: { baseDelayMs: 5, maxDelayMs: 50 },
        poll: { initialIntervalMs: 10, maxIntervalMs: 50, timeoutMs: 20_000 },
        onProgress: (event) => events.push(event),
      },
    );
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it("snapshots an empty stage", async () => {
    const snapshot = await gateway.snapshot();
    expect(snapshot.pair).toBe("stage");
    expect(snapshot.identity.financeAndOperationsUrl).toBe("http://stage.operations.localhost/stage/finops");
    expect(snapshot.identity.dataverseOrganizationId).not.toBe("");
    expect(snapshot.maps).toEqual([]);
    expect(snapshot.link?.powerAppsEnvironment).not.toBe("");
    // The sandbox's port is swapped back out, so link and identity compare.
    expect(snapshot.link?.dataverseUrl).toBe(snapshot.identity.dataverseUrl);
    expect(snapshot.legalEntitiesInDataverse).toEqual(["DEMF", "USMF", "USRT"]);
    expect(snapshot.lock).toBeUndefined();
  });

  it("tells whether each side of a map holds rows, with one row read per side", async () => {
    const presence = await gateway.rowsOnBothSides([
      { entity: "LegalEntities", entitySet: "cdm_companies" },
      { entity: "CustomersV3", entitySet: "accounts" },
    ]);
    expect(presence).toEqual([
      { financeAndOperations: true, dataverse: true },
      { financeAndOperations: false, dataverse: false },
    ]);
  });

  it("saves a map, makes it active, builds its key and starts it with an initial sync", async () => {
    const { versionId } = await gateway.saveMapDefinition(customers, SOLUTION);
    expect(versionId).not.toBe("");
    await gateway.applySolution(SOLUTION);
    await gateway.runMapAction(ref, "initialise");
    await gateway.activateMapVersion(ref, customers.version);

    await gateway.createAlternateKey("account", {
      schemaName: "msdyn_accountnumber_company",
      displayName: "Account number and company",
      attributes: ["accountnumber", "msdyn_company"],
    });
    expect(await waitForKey("account", "msdyn_accountnumber_company")).toBe("active");
    await gateway.setIntegrationKeys([{ table: "account", columns: ["accountnumber", "msdyn_company.cdm_companycode"] }]);

    await expect(gateway.runMapAction(ref, "start", { initialSync: { master: "dataverse" } })).resolves.toBe("running");
    expect(events.length).toBeGreaterThan(0);

    const snapshot = await gateway.snapshot();
    const map = snapshot.maps.find((candidate) => candidate.ref.entity === "CustomersV3");
    expect(map?.ref).toEqual(ref);
    expect(map?.state).toBe("running");
    expect(map?.definition).toEqual(customers);
    expect(map?.versions).toEqual([{ id: versionId, publisher: "contoso", number: "1.0.0.3" }]);
    expect(snapshot.alternateKeys).toContainEqual({
      table: "account",
      schemaName: "msdyn_accountnumber_company",
      displayName: "Account number and company",
      attributes: ["accountnumber", "msdyn_company"],
      status: "active",
    });
    expect(snapshot.integrationKeys).toContainEqual({ table: "account", columns: ["accountnumber", "msdyn_company.cdm_companycode"] });
    expect(snapshot.runtime.dataverse.length).toBeGreaterThan(0);
    expect(snapshot.runtime.financeAndOperations.length).toBeGreaterThan(0);
    expect(snapshot.runtime.financeAndOperations[0]?.externalEnvironmentUrl).toBe("http://127.0.0.1/stage/dataverse");
  });

  it("stops the running map, updates it, parks and switches a version, and deletes it", async () => {
    await expect(gateway.runMapAction(ref, "stop")).resolves.toBe("stopped");
    const updated: MapDefinition = { ...customers, filters: { dataverse: "customertypecode eq 3" } };
    await gateway.saveMapDefinition(updated, SOLUTION);
    const afterUpdate = await gateway.snapshot();
    expect(afterUpdate.maps.find((map) => map.ref.entity === "CustomersV3")?.definition).toEqual(updated);
    expect(afterUpdate.maps.find((map) => map.ref.entity === "CustomersV3")?.state).toBe("stopped");

    const parked: MapDefinition = { ...updated, version: { publisher: "contoso", number: "9.9.9.9" } };
    await gateway.saveMapDefinition(parked, SOLUTION);
    await gateway.applySolution(SOLUTION);
    const withParked = (await gateway.snapshot()).maps.find((map) => map.ref.entity === "CustomersV3");
    expect(withParked?.versions.map((version) => version.number)).toEqual(["1.0.0.3", "9.9.9.9"]);
    expect(withParked?.definition.version.number).toBe("1.0.0.3");
    await gateway.activateMapVersion(ref, parked.version);
    const switched = await gateway.snapshot();
    expect(switched.maps.find((map) => map.ref.entity === "CustomersV3")?.definition).toEqual(parked);
    expect(fingerprint(await gateway.snapshot())).toBe(fingerprint(switched));

    // Deleting the versions is documented; removing the map from the service is not: fail closed.
    await expect(gateway.deleteMap(ref)).rejects.toThrow(/still lists the map/);
  });

  it("keeps records with compare-and-swap", async () => {
    const lock = await gateway.writeRecord("lock", { holder: "contract-test" }, { absent: true });
    expect(lock.value).toEqual({ holder: "contract-test" });
    await expect(gateway.writeRecord("lock", { holder: "someone else" }, { absent: true })).rejects.toBeInstanceOf(RecordConflictError);
    const updated = await gateway.writeRecord("lock", { holder: "contract-test", step: 2 }, { etag: lock.etag });
    expect(updated.etag).not.toBe(lock.etag);
    await expect(gateway.writeRecord("lock", { holder: "stale" }, { etag: lock.etag })).rejects.toBeInstanceOf(RecordConflictError);
    await expect(gateway.readRecord("lock")).resolves.toEqual(updated);
    await expect(gateway.deleteRecord("lock", lock.etag)).rejects.toBeInstanceOf(RecordConflictError);
    await gateway.deleteRecord("lock", updated.etag);
    await expect(gateway.readRecord("lock")).resolves.toBeUndefined();
  });

  it("resets the link and cleans the runtime configuration of both sides", async () => {
    // The previous test left a map whose versions are gone: only a reset clears it from the service.
    await gateway.resetLink({ force: true, legalEntities: ["USMF"] });
    await gateway.setIntegrationKeys([{ table: "account", columns: ["accountnumber", "msdyn_company.cdm_companycode"] }]);
    await gateway.saveMapDefinition(customers, SOLUTION);
    await gateway.applySolution(SOLUTION);
    await gateway.runMapAction(ref, "initialise");
    await gateway.activateMapVersion(ref, customers.version);
    await gateway.runMapAction(ref, "start");
    await gateway.resetLink({ force: true, legalEntities: ["USMF", "USRT"] });
    const snapshot = await gateway.snapshot();
    expect(snapshot.link?.legalEntities).toEqual(["USMF", "USRT"]);
    expect(typeof (await gateway.cleanRuntimeConfiguration("dataverse"))).toBe("number");
    expect(typeof (await gateway.cleanRuntimeConfiguration("financeAndOperations"))).toBe("number");
    const clean = await gateway.snapshot();
    expect(clean.runtime).toEqual({ financeAndOperations: [], dataverse: [] });
  });

  it("rides out throttling and server errors", async () => {
    if (sandbox === undefined) throw new Error("no sandbox");
    sandbox.resetStats();
    sandbox.setFaults({ throttleRatio: 0.3, retryAfterSeconds: 0, errorRatio: 0.1, seed: 7 });
    try {
      const snapshot = await gateway.snapshot();
      expect(snapshot.pair).toBe("stage");
      expect(sandbox.stats().throttled).toBeGreaterThan(0);
    } finally {
      sandbox.setFaults(undefined);
    }
  });

  it("reads a snapshot in a fixed number of requests", async () => {
    if (sandbox === undefined) throw new Error("no sandbox");
    sandbox.resetStats();
    await gateway.snapshot();
    expect(sandbox.stats().requests).toBeLessThanOrEqual(10);
  });
});
