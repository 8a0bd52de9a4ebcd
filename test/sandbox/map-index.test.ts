import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { pidFor } from "../../src/sandbox/dualwrite/ids.js";
import { SandboxClient, connectionOf, customersMapRow, dv, dw, removeDir, start, tempDir, values } from "./helpers.js";

/** A minimal map version of `entity` <-> the Dataverse entity set `entitySet`. */
function mapRow(entity: string, entitySet: string): Record<string, unknown> {
  const mapping = {
    name: `${entitySet} - ${entity}`,
    legs: [
      {
        sourceSchema: entity,
        sourceEnvironmentType: "AX",
        destinationSchema: entitySet,
        destinationEnvironmentType: "CRM",
        fieldMappings: [{ syncDirection: 3, sourceField: "CODE", destinationField: "contoso_code", valueTransforms: [] }],
      },
    ],
  };
  return { msdyn_name: mapping.name, msdyn_mapping: JSON.stringify(mapping), msdyn_properties: "{}", msdyn_version: "1.0.0.0" };
}

/**
 * The service keeps the decoded map rows between calls; what it answers must still be what the
 * rows say after every kind of write: save, delete, rolled-back change set, new table, copy-db, reset.
 */
describe("sandbox map index", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let prodCid: string;
  let stageCid: string;
  const entities = async (cid: string): Promise<Record<string, unknown>[]> => values(await client.call("GET", dw(`Entities?targetType=AX&cid=${cid}`)));
  const pids = async (cid: string): Promise<unknown[]> => (await entities(cid)).map((map) => (map["detail"] as Record<string, unknown>)["pid"]);

  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
    prodCid = await connectionOf(client, "prod");
    stageCid = await connectionOf(client, "stage");
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("follows saved versions and deleted rows, in the order first saved", async () => {
    expect(await entities(prodCid)).toEqual([]);
    const first = await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), customersMapRow(), { prefer: "return=representation" });
    expect(first.status).toBe(201);
    const vendor = await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), mapRow("VendorsV2", "msdyn_vendors"), { prefer: "return=representation" });
    const second = await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), customersMapRow("1.0.0.1"), { prefer: "return=representation" });
    const accounts = pidFor("CustomersV3", "account");
    const vendors = pidFor("VendorsV2", "msdyn_vendor");
    expect(await pids(prodCid)).toEqual([accounts, vendors]);
    const [customers] = await entities(prodCid);
    expect(customers?.["templates"]).toEqual([first.json["msdyn_dualwriteentitymapid"], second.json["msdyn_dualwriteentitymapid"]]);
    expect(customers?.["template"]).toBe(first.json["msdyn_dualwriteentitymapid"]);

    expect((await client.call("DELETE", dv("prod", `msdyn_dualwriteentitymaps(${String(first.json["msdyn_dualwriteentitymapid"])})`))).status).toBe(204);
    // The vendors map now holds the oldest row: the list follows the first saved version of each map.
    expect(await pids(prodCid)).toEqual([vendors, accounts]);
    const after = (await entities(prodCid)).find((map) => (map["detail"] as Record<string, unknown>)["pid"] === accounts);
    expect(after?.["templates"]).toEqual([second.json["msdyn_dualwriteentitymapid"]]);
    expect(after?.["template"]).toBe(second.json["msdyn_dualwriteentitymapid"]);

    // A version edited to name another pair moves to that pair.
    const moved = await client.call("PATCH", dv("prod", `msdyn_dualwriteentitymaps(${String(vendor.json["msdyn_dualwriteentitymapid"])})`), mapRow("CDSContactsV2", "contacts"));
    expect(moved.status).toBe(204);
    expect(await pids(prodCid)).toEqual([pidFor("CDSContactsV2", "contact"), accounts]);
  });

  it("forgets a version saved in a change set that rolls back", async () => {
    const before = await pids(prodCid);
    const boundary = "batch_maps";
    const changeSet = "changeset_maps";
    const inner = [
      `--${changeSet}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "Content-ID: 1", "",
      `POST ${dv("prod", "msdyn_dualwriteentitymaps")} HTTP/1.1`, "Content-Type: application/json; type=entry", "", JSON.stringify(mapRow("CustCustomerGroup", "msdyn_customergroups")),
      `--${changeSet}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "Content-ID: 2", "",
      `DELETE msdyn_dualwriteentitymaps(00000000-0000-0000-0000-000000000001) HTTP/1.1`, "", "",
      `--${changeSet}--`,
    ].join("\r\n");
    const body = [`--${boundary}`, `Content-Type: multipart/mixed; boundary=${changeSet}`, "", inner, `--${boundary}--`, ""].join("\r\n");
    const reply = await client.call("POST", dv("prod", "$batch"), body, { "content-type": `multipart/mixed; boundary=${boundary}` });
    expect(reply.text).toContain("HTTP/1.1 404");
    expect(await pids(prodCid)).toEqual(before);
  });

  it("moves a map to the table registered later for its entity set", async () => {
    // No table has the set contoso_boxes yet: its logical name is guessed from the plural, contoso_box.
    expect((await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), mapRow("ContosoBoxes", "contoso_boxes"))).status).toBe(204);
    expect(await pids(prodCid)).toContain(pidFor("ContosoBoxes", "contoso_box"));
    // A key on table contoso_boxe registers it with the entity set contoso_boxes.
    const key = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='contoso_boxe')/Keys"), { SchemaName: "contoso_boxcode", KeyAttributes: ["contoso_code"] });
    expect(key.status).toBe(204);
    const now = await pids(prodCid);
    expect(now).toContain(pidFor("ContosoBoxes", "contoso_boxe"));
    expect(now).not.toContain(pidFor("ContosoBoxes", "contoso_box"));
  });

  it("answers from the copied rows after copy-db, and from nothing after reset", async () => {
    expect(await entities(stageCid)).toEqual([]);
    const prod = await pids(prodCid);
    await sandbox.copyDatabase("prod", "stage", "dataverse");
    expect(await pids(stageCid)).toEqual(prod);
    await sandbox.reset();
    expect(await entities(prodCid)).toEqual([]);
    expect(await entities(stageCid)).toEqual([]);
  });
});
