import { describe, expect, it } from "vitest";
import { normaliseTableMap } from "../../src/model/desired.js";
import type { FieldRow, MapDefinition } from "../../src/model/snapshot.js";
import { MapRowFormatError, fromMapRow, mapRowIdentity, toMapRow } from "../../src/live/mapping-json.js";
import { toMapDefinition } from "../../src/model/definition.js";

const tables = (name: string): string | undefined => ({ accounts: "account", account: "account" })[name];

function definition(fields: FieldRow[], extra: Partial<MapDefinition> = {}): MapDefinition {
  return {
    financeAndOperations: { entity: "CustomersV3", label: "Customers V3", scope: "company" },
    dataverse: { table: "account", entitySet: "accounts", scope: "company" },
    version: { publisher: "contoso", number: "1.0.0.3" },
    filters: { financeAndOperations: '((PartyType == "Organization"))', dataverse: "customertypecode eq 3" },
    fields,
    alerts: [],
    ...extra,
  };
}

function wireFields(row: ReturnType<typeof toMapRow>): unknown[] {
  const mapping = JSON.parse(row.msdyn_mapping) as { legs: { fieldMappings: unknown[] }[] };
  return mapping.legs[0]?.fieldMappings ?? [];
}

const rows: [string, FieldRow, unknown][] = [
  [
    "=",
    { fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" },
    { syncDirection: 3, sourceField: "CUSTOMERACCOUNT", destinationField: "accountnumber", valueTransforms: [], isSystemGenerated: false },
  ],
  [
    "><",
    { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { No: 0, Yes: 1 } },
    {
      syncDirection: 3,
      sourceField: "CREDITLIMITISMANDATORY",
      destinationField: "msdyn_creditlimitismandatory",
      valueTransforms: [{ transformType: "ValueMap", valueMap: { No: 0, Yes: 1 } }],
      isSystemGenerated: false,
    },
  ],
  [
    ">",
    { fo: "INVOICEADDRESSLATITUDE", map: ">", dv: "address2_latitude" },
    { syncDirection: 1, sourceField: "INVOICEADDRESSLATITUDE", destinationField: "address2_latitude", valueTransforms: [], isSystemGenerated: false },
  ],
  [
    "<",
    { fo: "NAME", map: "<", dv: "name" },
    { syncDirection: 2, sourceField: "NAME", destinationField: "name", valueTransforms: [], isSystemGenerated: false },
  ],
  [
    ">> with fo and value map",
    { fo: "ONHOLDSTATUS", map: ">>", dv: "msdyn_onholdstatus", valueMap: { No: "192350000", All: null } },
    {
      syncDirection: 1,
      sourceField: "ONHOLDSTATUS",
      destinationField: "msdyn_onholdstatus",
      valueTransforms: [{ transformType: "ValueMap", valueMap: { No: "192350000", All: null } }],
      isSystemGenerated: false,
    },
  ],
  [
    ">> default only",
    { map: ">>", dv: "customertypecode", default: 3 },
    {
      syncDirection: 1,
      sourceField: null,
      destinationField: "customertypecode",
      valueTransforms: [{ transformType: "Default", defaultValue: 3 }],
      isSystemGenerated: false,
    },
  ],
  [
    "<< with dv and value map",
    { fo: "GENDER", map: "<<", dv: "gendercode", valueMap: { Male: 1, Female: 2, "": null } },
    {
      syncDirection: 2,
      sourceField: "GENDER",
      destinationField: "gendercode",
      valueTransforms: [{ transformType: "ValueMap", valueMap: { Male: 1, Female: 2, "": null } }],
      isSystemGenerated: false,
    },
  ],
  [
    "<< default only",
    { fo: "LANGUAGEID", map: "<<", default: "en-us" },
    {
      syncDirection: 2,
      sourceField: "LANGUAGEID",
      destinationField: null,
      valueTransforms: [{ transformType: "Default", defaultValue: "en-us" }],
      isSystemGenerated: false,
    },
  ],
  [
    "booleans and a null default",
    { fo: "ISACTIVE", map: "><", dv: "msdyn_isactive", valueMap: { No: false, Yes: true }, default: null },
    {
      syncDirection: 3,
      sourceField: "ISACTIVE",
      destinationField: "msdyn_isactive",
      valueTransforms: [
        { transformType: "ValueMap", valueMap: { No: false, Yes: true } },
        { transformType: "Default", defaultValue: null },
      ],
      isSystemGenerated: false,
    },
  ],
];

describe("msdyn_mapping field rows", () => {
  it.each(rows)("writes %s as the contract says and reads it back", (_label, field, wire) => {
    const row = toMapRow(definition([field]));
    expect(wireFields(row)).toEqual([wire]);
    expect(fromMapRow(row, tables).fields).toEqual([field]);
  });

  it("round-trips a whole definition with alerts, scopes and filters", () => {
    const original = definition(
      rows.map(([, field]) => field),
      {
        alerts: [{ errorType: "application", errors: 10, withinMinutes: 15, notify: ["ops@contoso.com"], action: "pause" }],
        dataverse: { table: "account", entitySet: "accounts", scope: "company" },
      },
    );
    expect(fromMapRow(toMapRow(original), tables)).toEqual(original);
  });

  it("leaves out empty filters", () => {
    const original = definition([{ fo: "A", map: "=", dv: "a" }], { filters: {} });
    const row = toMapRow(original);
    const leg = (JSON.parse(row.msdyn_mapping) as { legs: Record<string, unknown>[] }).legs[0];
    expect(leg).toMatchObject({ sourceFilter: "", reversedSourceFilter: "" });
    expect(fromMapRow(row, tables).filters).toEqual({});
  });
});

describe("the saved row", () => {
  it("carries name, version, properties and one AX-to-CRM leg", () => {
    const row = toMapRow(definition([{ fo: "A", map: "=", dv: "a" }]));
    expect(row.msdyn_name).toBe("accounts - Customers V3");
    expect(row.msdyn_version).toBe("1.0.0.3");
    expect(JSON.parse(row.msdyn_properties)).toEqual({
      publisher: "contoso",
      label: "Customers V3",
      entitySet: "accounts",
      financeAndOperationsScope: "company",
      dataverseScope: "company",
      alerts: [],
    });
    const mapping = JSON.parse(row.msdyn_mapping) as Record<string, unknown>;
    expect(mapping).toMatchObject({
      name: "accounts - Customers V3",
      leftEnvironmentType: "AX",
      rightEnvironmentType: "CRM",
      legs: [
        {
          sourceSchema: "CustomersV3",
          sourceEnvironmentType: "AX",
          destinationSchema: "accounts",
          destinationEnvironmentType: "CRM",
          sourceFilter: '((PartyType == "Organization"))',
          reversedSourceFilter: "customertypecode eq 3",
        },
      ],
    });
    expect(toMapRow(definition([{ fo: "A", map: "=", dv: "a" }])).msdyn_mapping).toBe(row.msdyn_mapping);
  });

  it("reads a double-encoded msdyn_mapping", () => {
    const row = toMapRow(definition([{ fo: "A", map: "=", dv: "a" }]));
    const doubled = { ...row, msdyn_mapping: JSON.stringify(row.msdyn_mapping), msdyn_properties: JSON.stringify(row.msdyn_properties) };
    expect(fromMapRow(doubled, tables)).toEqual(fromMapRow(row, tables));
    expect(mapRowIdentity(doubled)).toEqual({ entity: "CustomersV3", destination: "accounts", entitySet: "accounts", publisher: "contoso", number: "1.0.0.3" });
  });

  it("reads a row saved by the UI, without dwctl's properties, and a logical-name destination", () => {
    const mapping = {
      name: "accounts - Customers V3",
      legs: [
        {
          sourceSchema: "CustomersV3",
          destinationSchema: "account",
          sourceFilter: null,
          fieldMappings: [{ syncDirection: "3", sourceField: "CUSTOMERACCOUNT", destinationField: "accountnumber", valueTransforms: null }],
        },
      ],
    };
    const read = fromMapRow({ msdyn_name: "accounts - Customers V3", msdyn_mapping: JSON.stringify(mapping), msdyn_version: "1.0.0.0" }, tables);
    expect(read.financeAndOperations.label).toBe("Customers V3");
    expect(read.dataverse.table).toBe("account");
    expect(read.fields).toEqual([{ fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" }]);
  });

  it("names the row when msdyn_mapping is broken", () => {
    expect(() => fromMapRow({ msdyn_name: "x - Broken", msdyn_mapping: "{not json" })).toThrow(MapRowFormatError);
    expect(() => fromMapRow({ msdyn_name: "x - Broken", msdyn_mapping: "{not json" })).toThrow(/x - Broken/);
    expect(() =>
      fromMapRow({ msdyn_name: "x", msdyn_mapping: JSON.stringify({ legs: [{ sourceSchema: "A", destinationSchema: "b", fieldMappings: [{ syncDirection: 7 }] }] }) }),
    ).toThrow(/syncDirection 7/);
  });
});

describe("toMapDefinition", () => {
  it("turns a desired map into the definition it saves, canonical symbols included", () => {
    const model = normaliseTableMap(
      {
        kind: "TableMap",
        name: "customers-v3-accounts",
        financeAndOperations: { entity: "CustomersV3", label: "Customers V3" },
        dataverse: { table: "account", entitySet: "accounts" },
        scope: "company",
        version: { publisher: "contoso", number: "1.0.0.3" },
        filters: { dataverse: "customertypecode eq 3" },
        fields: [
          { fo: "CUSTOMERACCOUNT", map: "both", dv: "accountnumber" },
          { fo: "SALESCURRENCYCODE", map: "=", dv: "transactioncurrencyid.isocurrencycode", relatedTable: "transactioncurrency" },
          { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { No: 0, Yes: 1 } },
          { map: ">>", dv: "customertypecode", default: 3 },
          { fo: "LANGUAGEID", map: "to-finops-transform", default: "en-us" },
          { fo: "X", map: "><", dv: "x" },
        ],
        alerts: [{ errors: 10, withinMinutes: 15, notify: ["ops@contoso.com"] }],
      },
      "maps/tablemaps/customers-v3-accounts.yaml",
    );
    const result = toMapDefinition(model);
    expect(result).toEqual({
      financeAndOperations: { entity: "CustomersV3", label: "Customers V3", scope: "company" },
      dataverse: { table: "account", entitySet: "accounts", scope: "company" },
      version: { publisher: "contoso", number: "1.0.0.3" },
      filters: { dataverse: "customertypecode eq 3" },
      fields: [
        { fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" },
        { fo: "SALESCURRENCYCODE", map: "=", dv: "transactioncurrencyid.isocurrencycode" },
        { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { No: 0, Yes: 1 } },
        { map: ">>", dv: "customertypecode", default: 3 },
        { fo: "LANGUAGEID", map: "<<", default: "en-us" },
        { fo: "X", map: "=", dv: "x" },
      ],
      alerts: [{ errorType: "application", errors: 10, withinMinutes: 15, notify: ["ops@contoso.com"], action: "none" }],
    });
    expect(fromMapRow(toMapRow(result), tables)).toEqual(result);
  });
});
