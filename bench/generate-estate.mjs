// Writes a synthetic but valid estate: N maps of F fields, each with its integration key.
// Map i depends on map i - stride, so the maps start in `levels` waves (levels = maps: one chain).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export async function generateEstate(dir, { maps = 1000, fields = 40, levels = maps } = {}) {
  const stride = Math.max(1, Math.ceil(maps / Math.max(1, levels)));
  await mkdir(join(dir, "maps/tablemaps"), { recursive: true });
  await mkdir(join(dir, "maps/keys"), { recursive: true });
  await writeFile(
    join(dir, "maps/environments.yaml"),
    `kind: Environments
pairs:
  - name: prod
    sandbox: true
    financeAndOperations: { url: "http://prod.operations.localhost/prod/finops" }
    dataverse: { url: "http://127.0.0.1/prod/dataverse" }
    legalEntities: [USMF, USRT]
    auth: { method: sandbox }
`,
  );
  await writeFile(
    join(dir, "maps/keys/cdm_company.yaml"),
    "kind: IntegrationKey\ntable: cdm_company\ncolumns: [cdm_companycode]\nalternateKey: { schemaName: cdm_companycode_key, displayName: Company }\n",
  );
  await writeFile(
    join(dir, "maps/tablemaps/legal-entities.yaml"),
    `kind: TableMap
name: legal-entities
financeAndOperations: { entity: LegalEntities }
dataverse: { table: cdm_company, entitySet: cdm_companies }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: LEGALENTITYID, map: ">", dv: cdm_companycode }
`,
  );
  for (let i = 0; i < maps; i++) {
    const table = `bench_table${i}`;
    const lines = [
      `# yaml-language-server: $schema=../../schemas/table-map.schema.json`,
      `kind: TableMap`,
      `name: bench-map-${i}`,
      `financeAndOperations: { entity: BenchEntity${i}, label: Bench entity ${i} }`,
      `dataverse: { table: ${table}, entitySet: ${table}s }`,
      `scope: company`,
      `version: { publisher: contoso, number: 1.0.0.${i % 10} }`,
      `initialSync: { enabled: true, master: dataverse }`,
      `filters:`,
      `  financeAndOperations: ((Status == "Active") && (Amount > ${i}))`,
      `  dataverse: statecode eq 0 and bench_amount gt ${i}`,
      `dependsOn: [legal-entities${i >= stride ? `, bench-map-${i - stride}` : ""}]`,
      `fields:`,
      `  - { fo: KEYFIELD, map: "=", dv: bench_key }`,
    ];
    for (let f = 1; f < fields; f++) {
      if (f % 10 === 0) lines.push(`  - { fo: ENUMFIELD${f}, map: "><", dv: bench_enum${f}, valueMap: { "No": 0, "Yes": 1, "Maybe": 2 } }`);
      else if (f % 13 === 0) lines.push(`  - { map: ">>", dv: bench_const${f}, default: ${f} }`);
      else if (f % 7 === 0) lines.push(`  - { fo: LOOKUP${f}, map: "=", dv: msdyn_company.cdm_companycode }`.replace("msdyn_company", `bench_company${f}`));
      else lines.push(`  - { fo: FIELD${f}, map: "${f % 3 === 0 ? ">" : "="}", dv: bench_field${f} }`);
    }
    await writeFile(join(dir, `maps/tablemaps/bench-map-${i}.yaml`), lines.join("\n") + "\n");
    await writeFile(
      join(dir, `maps/keys/${table}.yaml`),
      `# yaml-language-server: $schema=../../schemas/integration-key.schema.json\nkind: IntegrationKey\ntable: ${table}\ncolumns: [bench_key, msdyn_company.cdm_companycode]\nalternateKey: { schemaName: bench_key${i}, displayName: Bench key ${i} }\n`,
    );
  }
}
