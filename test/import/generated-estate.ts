/**
 * A generated estate for the round trip at scale (issue 13, item 3), in the spirit of
 * bench/generate-estate.mjs but varied where import has choices to make: company and global maps,
 * running, paused and stopped ones, two publishers, filters or none, value maps with numbers,
 * booleans, text, null and a blank key, defaults of every type (null too), rows without a source
 * column, lookups, alerts, and dependsOn chains. Every map has its integration key. Files as text,
 * for tempTree.
 */
export function generatedEstate(maps: number): Record<string, string> {
  const files: Record<string, string> = {
    "maps/environments.yaml": `kind: Environments
pairs:
  - name: stage
    sandbox: true
    financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }
    dataverse: { url: "http://127.0.0.1/stage/dataverse" }
    legalEntities: [USMF, USRT]
    auth: { method: sandbox }
`,
    "maps/keys/cdm_company.yaml": "kind: IntegrationKey\ntable: cdm_company\ncolumns: [cdm_companycode]\nalternateKey: { schemaName: cdm_companycode_key, displayName: Company }\n",
    "maps/tablemaps/legal-entities.yaml": `kind: TableMap
name: legal-entities
financeAndOperations: { entity: LegalEntities, label: Legal entities }
dataverse: { table: cdm_company, entitySet: cdm_companies }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: LEGALENTITYID, map: ">", dv: cdm_companycode }
  - { fo: NAME, map: ">", dv: cdm_name }
`,
  };
  for (let i = 0; i < maps - 1; i++) {
    const table = `est_table${i}`;
    const company = i % 5 !== 0;
    const state = i % 9 === 4 ? "paused" : i % 11 === 6 ? "stopped" : "running";
    const lines = [
      "kind: TableMap",
      `name: estate-map-${i}`,
      `financeAndOperations: { entity: EstateEntity${i}, label: Estate entity ${i} }`,
      `dataverse: { table: ${table}, entitySet: ${table}s }`,
      `scope: ${company ? "company" : "global"}`,
      `version: { publisher: ${i % 4 === 0 ? "microsoft" : "contoso"}, number: 1.${i % 3}.0.${i % 10} }`,
      `state: ${state}`,
    ];
    if (i % 2 === 0) lines.push("filters:", `  financeAndOperations: '((Status == "Active") && (Amount > ${i}))'`, `  dataverse: est_status eq 0 and est_amount gt ${i}`);
    else if (i % 3 === 0) lines.push("filters:", "  financeAndOperations: (Blocked == NoYes::No)");
    lines.push(
      "fields:",
      "  - { fo: KEYFIELD, map: \"=\", dv: est_key }",
      `  - { fo: NAME, map: "${i % 2 === 0 ? "=" : ">"}", dv: est_name }`,
      `  - { fo: STATUS, map: "><", dv: est_status, valueMap: { "Active": 0, "Inactive": 1, "": null } }`,
      `  - { fo: ISBLOCKED, map: "><", dv: est_isblocked, valueMap: { "No": false, "Yes": true } }`,
      `  - { fo: KIND, map: ">>", dv: est_kind, valueMap: { "Customer": "customer", "Vendor": "vendor" }, default: "customer" }`,
      `  - { fo: AMOUNT, map: "<", dv: est_amount }`,
      `  - { map: ">>", dv: est_type, default: ${i % 4} }`,
      `  - { map: ">>", dv: est_rate, default: "1.0000000000" }`,
      `  - { fo: LANGUAGEID, map: "<<", default: en-us }`,
      `  - { fo: NOTE, map: "<<", default: null }`,
      `  - { fo: FLAG, map: "<<", default: true }`,
      ...(i % 2 === 1 ? [`  - { fo: COMPANYREF, map: ">", dv: est_companyref.cdm_companycode }`] : []),
    );
    if (i % 13 === 0) lines.push("alerts:", `  - { errors: ${i + 5}, withinMinutes: 15, notify: [dual-write@contoso.com], action: pause }`);
    const dependsOn = [...(company ? ["legal-entities"] : []), ...(i >= 20 ? [`estate-map-${i - 20}`] : [])];
    if (dependsOn.length > 0) lines.push(`dependsOn: [${dependsOn.join(", ")}]`);
    files[`maps/tablemaps/estate-map-${i}.yaml`] = `${lines.join("\n")}\n`;
    files[`maps/keys/${table}.yaml`] = `kind: IntegrationKey
table: ${table}
columns: [est_key${company ? ", msdyn_company.cdm_companycode" : ""}]
alternateKey: { schemaName: est_key${i}, displayName: Estate key ${i} }
`;
  }
  return files;
}
