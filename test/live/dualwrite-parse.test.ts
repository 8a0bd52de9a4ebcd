import { describe, expect, it } from "vitest";
import { DualWriteProtocolError } from "../../src/live/dualwrite/errors.js";
import {
  parseConnectionSet,
  parseEnvironments,
  parseFieldMappings,
  parseInitialSync,
  parseMaps,
  parsePrerequisites,
  parseRequestId,
  parseSolutionRequest,
  parseSolutions,
} from "../../src/live/dualwrite/parse.js";
import { fixture } from "./fake-estate.js";

/** The parsers read every response fixture of test/platform/fixtures (dualwrite-service.md §5). */
describe("the dual-write parsers on the platform fixtures", () => {
  it("reads Environments", () => {
    expect(parseEnvironments(fixture("get-environments.response.json"), "GET Environments")).toEqual([
      { cid: "c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f", cname: "contoso-uat-dw-connectionset", powerAppsEnvironment: "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b" },
    ]);
    expect(parseEnvironments([], "GET Environments")).toEqual([]);
  });

  it("reads Entities: A running and initialised, B stopped with pid null and two templates", () => {
    const [a, b] = parseMaps(fixture("get-entities.response.json"), "GET Entities");
    expect(a).toMatchObject({ entity: "UnitOfMeasureEntity", entitySet: "uoms", pid: "5e9a1c7b-3d2f-4b8e-a6c0-9f1e2d3c4b5a", stateCode: "4", state: "running" });
    expect(a?.template).toEqual({ id: "0b6f3d2a-7c1e-4f5a-9d8b-3e2c1a0f9b7d", author: "Microsoft", version: "1.0.0.3" });
    expect(a?.lastRequests[0]).toMatchObject({ requestId: "3c5e7a9b-1d3f-4a5c-8e7a-9b1d3f5a7c9e", action: "1", state: "2" });
    expect(b).toMatchObject({ entity: "CustCustomerV3Entity", entityLabel: "Customers V3", entitySet: "accounts", tName: "accounts - Customers V3", pid: null, stateCode: "1", state: "stopped", lastRequests: [] });
    expect(b?.templates.map((template) => [template.author, template.version])).toEqual([
      ["Microsoft", "1.0.0.12"],
      ["Contoso", "1.0.0.13"],
    ]);
  });

  it("reads the three Status answers as Entities-shaped arrays with the request in lastRequests", () => {
    const done = parseMaps(fixture("get-status.response.json"), "GET Status/x");
    expect(done[0]?.pid).toBe("9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e");
    expect(done[0]?.lastRequests[0]).toMatchObject({ requestId: "e1a3c5d7-9b1d-4f3a-8c5e-7a9b1d3f5a7c", action: "8", state: "2" });
    const waiting = parseMaps(fixture("get-status-waiting.response.json"), "GET Status/x");
    expect(waiting[0]).toMatchObject({ state: "initializing" });
    expect(waiting[0]?.lastRequests.map((request) => [request.requestId, request.state])).toEqual([
      ["f2b4d6e8-0a2c-4e4b-9d6f-8b0c2e4a6b8d", "1"],
      ["e1a3c5d7-9b1d-4f3a-8c5e-7a9b1d3f5a7c", "2"],
    ]);
    const failed = parseMaps(fixture("get-status-error.response.json"), "GET Status/x");
    expect(failed[0]?.state).toBe("stopped");
    expect(failed[0]?.lastRequests[0]).toMatchObject({ state: "3", errorMessage: expect.stringContaining("DEMF") });
  });

  it("reads FieldMappings: project name and the one leg", () => {
    const project = parseFieldMappings(fixture("get-fieldmappings.response.json"), "GET x/FieldMappings");
    expect(project.name).toBe("DWM-8d2f4a6c-0e1b-4d3f-9a5c-7b1e3d5f7a9c");
    expect(project.id).toBe("5e9a1c7b-3d2f-4b8e-a6c0-9f1e2d3c4b5a");
    expect(project.leg).toMatchObject({ sourceSchema: "UnitOfMeasureEntity", destinationSchema: "uoms", sourceFilter: null, reversedSourceFilter: null });
    expect(project.leg?.fieldMappings.map((field) => [field.syncDirection, field.sourceField, field.destinationField])).toEqual([
      [1, "UNITSYMBOL", "msdyn_symbol"],
      [1, "UNITSYMBOL", "name"],
      [1, "UNITDESCRIPTION", "msdyn_description"],
    ]);
  });

  it("reads the connection set: Dataverse entry, keys of uoms, legal entities", () => {
    const set = parseConnectionSet(fixture("get-connectionset.response.json"), "GET ConnectionSet/x");
    expect(set.id).toBe("c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f");
    expect(set.dataverse).toMatchObject({ name: "ds-crm-5b7e0c2a", targetType: "CRM", directUrl: "https://contoso-uat.crm4.dynamics.com", powerAppsEnvironment: "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b" });
    expect(set.financeAndOperations?.name).toBe("ds-ax-91d4f3b6");
    expect(set.dataverse.schemas.find((schema) => schema.name === "uoms")?.keys).toEqual([{ name: "userKeys", displayName: "Integration key", fields: ["msdyn_symbol"] }]);
    expect(set.dataverse.schemas.find((schema) => schema.name === "accounts")?.keys).toEqual([]);
    expect(set.legalEntities).toEqual(["USMF", "DEMF"]);
  });

  it("reads Solutions, the Apply Solution status, request ids, prerequisites and initial sync details", () => {
    expect(parseSolutions(fixture("get-solutions.response.json"), "GET Solutions").map((solution) => solution.uniquename)).toEqual([
      "msdyn_DualWriteAppCoreMaps",
      "ContosoDualWriteMaps",
    ]);
    expect(parseSolutionRequest(fixture("get-solutionaware-status.response.json"), "GET s")).toEqual({
      requestId: "a7c9e1b3-5d7f-4a9c-8e1b-3d5f7a9c1e3b",
      state: "2",
      message: "Applied solution msdyn_DualWriteAppCoreMaps.",
    });
    expect(parseRequestId(fixture("post-restoretemplates.response.json"), "POST RestoreTemplates")).toBe("a7c9e1b3-5d7f-4a9c-8e1b-3d5f7a9c1e3b");
    expect(parseRequestId(fixture("post-start.response.json"), "POST Start")).toBe("f2b4d6e8-0a2c-4e4b-9d6f-8b0c2e4a6b8d");
    expect(parsePrerequisites(fixture("post-templateprerequisitesequences.response.json"), "POST p")[0]).toHaveLength(3);
    const sync = parseInitialSync(fixture("get-projectexecutionwithcompanies.response.json"), "GET p");
    expect(sync.projectName).toBe("DWM-2b4d6f8a-0c2e-4a6c-9e1a-3c5e7a9c1e3a");
    expect(sync.runs.map((run) => [run.legalEntityName, run.errorCount, run.errors.length])).toEqual([
      ["DEMF", 2, 2],
      ["USMF", 0, 0],
    ]);
  });

  it("accepts codes as numbers and extra members", () => {
    const maps = fixture("get-entities.response.json") as { detail: Record<string, unknown>; extra?: unknown }[];
    const first = maps[0];
    if (first === undefined) throw new Error("fixture changed");
    first.detail.state = 4;
    first.extra = { anything: true };
    expect(parseMaps(maps, "GET Entities")[0]?.state).toBe("running");
  });
});

describe("the dual-write parsers on malformed answers", () => {
  const entities = (): { detail?: Record<string, unknown> }[] => fixture("get-entities.response.json") as { detail?: Record<string, unknown> }[];
  const error = (run: () => unknown): DualWriteProtocolError => {
    try {
      run();
    } catch (caught) {
      if (caught instanceof DualWriteProtocolError) return caught;
      throw caught;
    }
    throw new Error("expected a DualWriteProtocolError");
  };

  it("names the call and the field of a null state", () => {
    const maps = entities();
    if (maps[1]?.detail !== undefined) maps[1].detail.state = null;
    expect(error(() => parseMaps(maps, "GET Entities")).message).toBe("GET Entities: [1].detail.state must be a string or number, got null");
  });

  it("refuses a missing detail, an unknown state code, an object where an array belongs", () => {
    const missing = entities();
    delete missing[0]?.detail;
    expect(error(() => parseMaps(missing, "GET Entities")).message).toContain("[0].detail must be an object, got nothing");
    const unknown = entities();
    if (unknown[0]?.detail !== undefined) unknown[0].detail.state = "9";
    expect(error(() => parseMaps(unknown, "GET Entities")).message).toContain("[0].detail.state must be a map state");
    expect(error(() => parseMaps({ value: [] }, "GET Entities")).message).toBe("GET Entities: the answer must be an array, got an object");
    const templates = entities();
    if (templates[0]?.detail !== undefined) templates[0].detail.templates = {};
    expect(error(() => parseMaps(templates, "GET Entities")).message).toContain("[0].detail.templates must be an array");
  });

  it("refuses a connection set without a Dataverse entry and a Start answer without requestId", () => {
    const set = fixture("get-connectionset.response.json") as { environments: Record<string, unknown> };
    delete set.environments["ds-crm-5b7e0c2a"];
    expect(error(() => parseConnectionSet(set, "GET ConnectionSet/x")).message).toContain("no Dataverse entry");
    expect(error(() => parseRequestId({ error: "nope" }, "POST Start (action 1)")).message).toBe(
      "POST Start (action 1): requestId must be a non-empty string, got nothing (the member is absent)",
    );
    expect(error(() => parseRequestId(null, "POST Start (action 1)")).message).toContain("the answer must be an object, got null");
  });
});
