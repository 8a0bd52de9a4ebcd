import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FinOpsClient } from "../../src/live/finops/finops-client.js";
import { HttpClient } from "../../src/live/http/index.js";
import { FAST_HTTP, FakeEstate, StaticCredential } from "./fake-estate.js";

let estate: FakeEstate;
let client: FinOpsClient;

beforeEach(async () => {
  estate = await new FakeEstate().start();
  client = new FinOpsClient(
    new HttpClient({ ...FAST_HTTP, baseUrl: `${estate.finOpsUrl}/`, credential: new StaticCredential(), scope: `${estate.finOpsUrl}/.default` }),
  );
});

afterEach(async () => {
  await estate.stop();
});

const row = (project: string, direction: string): Record<string, unknown> => ({
  ProjectName: project,
  ExternalEntityName: direction === "in" ? "accounts" : "CustomersV3",
  InternalEntityName: direction === "in" ? "CustomersV3" : "accounts",
  ExternalEnvironmentUrl: "https://prod.crm.dynamics.com",
  Status: "Running",
  PartitionMap: "USMF",
  IntegrationKey: "accountnumber",
});

describe("FinOpsClient", () => {
  it("lists DualWriteProjectConfigurations across companies, following nextLink", async () => {
    estate.projectConfigs = Array.from({ length: 5003 }, (_, index) => row(`p${index}`, "in"));
    const rows = await client.listProjectConfigurations();
    expect(rows).toHaveLength(5003);
    expect(rows[0]).toEqual({
      projectName: "p0",
      externalEntityName: "accounts",
      internalEntityName: "CustomersV3",
      externalEnvironmentUrl: "https://prod.crm.dynamics.com",
      status: "Running",
      partitionMap: "USMF",
      integrationKey: "accountnumber",
    });
    expect(estate.calls).toHaveLength(2);
    expect(estate.calls[0]).toMatchObject({
      service: "finops",
      method: "GET",
      path: "data/DualWriteProjectConfigurations",
      query: {
        "cross-company": "true",
        $select: "ProjectName,ExternalEntityName,InternalEntityName,ExternalEnvironmentUrl,Status,PartitionMap,IntegrationKey",
      },
    });
  });

  it("deletes a row by its three-part key, quoting values", async () => {
    estate.projectConfigs = [row("Customer's map", "in")];
    await client.deleteProjectConfiguration({ projectName: "Customer's map", externalEntityName: "accounts", internalEntityName: "CustomersV3" });
    expect(estate.calls[0]).toMatchObject({
      method: "DELETE",
      path: "data/DualWriteProjectConfigurations(ProjectName='Customer''s map',ExternalEntityName='accounts',InternalEntityName='CustomersV3')",
    });
  });

  it("reads PublicEntities and PublicEnumerations metadata", async () => {
    await expect(client.publicEntity("CustomersV3")).resolves.toEqual({
      name: "CustomersV3",
      entitySetName: "CustomersV3",
      properties: [{ name: "CUSTOMERACCOUNT", dataType: "String", isKey: true, isMandatory: true }],
    });
    await expect(client.publicEnumeration("NoYes")).resolves.toEqual({
      name: "NoYes",
      members: [
        { name: "No", value: 0 },
        { name: "Yes", value: 1 },
      ],
    });
    expect(estate.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET metadata/PublicEntities('CustomersV3')",
      "GET metadata/PublicEnumerations('NoYes')",
    ]);
  });
});
