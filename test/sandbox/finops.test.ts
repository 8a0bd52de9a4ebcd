import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { SandboxClient, connectionOf, dw, fo, prepareCustomersMap, removeDir, runAction, start, tempDir, values } from "./helpers.js";

describe("sandbox finance and operations OData and link settings", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  beforeAll(async () => {
    sandbox = await start(dir, { timings: { keyPendingMs: 50, keyBuildMs: 100, mapTransitionMs: 500 } });
    client = new SandboxClient(sandbox);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("describes entities and enumerations in the metadata service", async () => {
    const entity = await client.call("GET", fo("prod", "metadata/PublicEntities('CustomersV3')"));
    expect(entity.status).toBe(200);
    expect(entity.json).toMatchObject({ Name: "CustomersV3", EntitySetName: "CustomersV3" });
    expect(entity.json["Properties"]).toEqual(
      expect.arrayContaining([
        { Name: "CustomerAccount", DataType: "String", IsKey: true, IsMandatory: true },
        { Name: "CreditLimitIsMandatory", DataType: "Enum", IsKey: false, IsMandatory: false, TypeName: "NoYes" },
      ]),
    );
    const enumeration = await client.call("GET", fo("prod", "metadata/PublicEnumerations('NoYes')"));
    expect(enumeration.json).toEqual({ Name: "NoYes", Members: [{ Name: "No", Value: 0 }, { Name: "Yes", Value: 1 }] });
    expect((await client.call("GET", fo("prod", "metadata/PublicEntities('Nope')"))).status).toBe(404);
    expect((await client.call("GET", fo("prod", "data/customersv3"))).status).toBe(404);
  });

  it("deletes a DualWriteProjectConfiguration row by its key", async () => {
    const ids = await prepareCustomersMap(client, "prod");
    expect((await runAction(client, "1", ids, { skipInitialSync: true })).request).toMatchObject({ state: "2" });
    const [first] = values(await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations?cross-company=true")));
    const key = `ProjectName='${String(first?.["ProjectName"])}',ExternalEntityName='${String(first?.["ExternalEntityName"])}',InternalEntityName='${String(first?.["InternalEntityName"])}'`;
    expect((await client.call("DELETE", fo("prod", `data/DualWriteProjectConfigurations(${key})`))).status).toBe(204);
    expect(values(await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations?cross-company=true")))).toHaveLength(1);
    expect((await client.call("DELETE", fo("prod", `data/DualWriteProjectConfigurations(${key})`))).status).toBe(404);
  });

  it("applies solutions asynchronously and answers 404 for an unknown connection", async () => {
    const { cid } = await connectionOf(client, "stage");
    const restore = await client.call("POST", dw(`SolutionAware/${cid}/RestoreTemplates`), { action: "2", solutions: [{ criteria: { uniquename: "Nothing" } }] });
    expect(restore.status).toBe(200);
    expect((await client.call("GET", dw(`SolutionAware/${cid}/Status/${String(restore.json["requestId"])}`))).json).toMatchObject({ state: "1" });
    expect((await client.call("GET", dw("Entities?targetType=AX&cid=00000000-0000-0000-0000-000000000000"))).status).toBe(404);
  });
});
