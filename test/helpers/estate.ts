import { validateSources } from "../../src/validate/validate-sources.js";
import type { InputFile } from "../../src/config/load.js";
import type { Diagnostic } from "../../src/config/diagnostic.js";

/** A small estate that validates with no diagnostics; tests replace or add files to it. */
export function baseEstate(): Record<string, string> {
  return {
    "maps/environments.yaml": `kind: Environments
pairs:
  - name: prod
    sandbox: true
    protected: true
    financeAndOperations: { url: "http://prod.operations.localhost/prod/finops" }
    dataverse: { url: "http://127.0.0.1/prod/dataverse" }
    legalEntities: [USMF]
    auth: { method: sandbox }
  - name: stage
    sandbox: true
    refreshedFrom: prod
    financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }
    dataverse: { url: "http://127.0.0.1/stage/dataverse" }
    legalEntities: [USMF]
`,
    "maps/tablemaps/legal-entities.yaml": `kind: TableMap
name: legal-entities
financeAndOperations: { entity: LegalEntities, label: Legal entities }
dataverse: { table: cdm_company, entitySet: cdm_companies }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
initialSync: { enabled: true, master: financeAndOperations }
fields:
  - { fo: LEGALENTITYID, map: ">", dv: cdm_companycode }
  - { fo: NAME, map: ">", dv: cdm_name }
`,
    "maps/tablemaps/currencies.yaml": `kind: TableMap
name: currencies
financeAndOperations: { entity: Currencies, label: Currencies }
dataverse: { table: transactioncurrency, entitySet: transactioncurrencies }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: CURRENCYCODE, map: "=", dv: isocurrencycode }
  - { fo: NAME, map: "=", dv: currencyname }
`,
    "maps/tablemaps/customers.yaml": `kind: TableMap
name: customers
financeAndOperations: { entity: CustomersV3, label: Customers V3 }
dataverse: { table: account, entitySet: accounts }
scope: company
version: { publisher: contoso, number: 1.0.0.3 }
state: running
initialSync: { enabled: true, master: dataverse }
filters:
  financeAndOperations: ((PartyType == "Organization"))
  dataverse: customertypecode eq 3
dependsOn: [currencies]
fields:
  - { fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }
  - { fo: ORGANIZATIONNAME, map: "=", dv: name }
  - { fo: SALESCURRENCYCODE, map: "=", dv: transactioncurrencyid.isocurrencycode }
  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": 0, "Yes": 1 } }
  - { map: ">>", dv: customertypecode, default: 3 }
  - { fo: LANGUAGEID, map: "<<", default: en-us }
numberSequences:
  - field: CUSTOMERACCOUNT
    financeAndOperations: { prefix: F }
    dataverse: { prefix: C }
environments:
  stage: { state: paused }
`,
    "maps/keys/cdm_company.yaml": `kind: IntegrationKey
table: cdm_company
columns: [cdm_companycode]
alternateKey: { schemaName: cdm_companycode_key, displayName: Company code }
`,
    "maps/keys/transactioncurrency.yaml": `kind: IntegrationKey
table: transactioncurrency
columns: [isocurrencycode]
alternateKey: { schemaName: msdyn_isocurrencycode_key, displayName: ISO currency code }
`,
    "maps/keys/account.yaml": `kind: IntegrationKey
table: account
columns: [accountnumber, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_accountnumber_company, displayName: Account number and company }
`,
  };
}

export function toInputs(files: Record<string, string>): InputFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

export function validate(files: Record<string, string>): Diagnostic[] {
  return validateSources(toInputs(files)).diagnostics;
}

/** The estate with some files replaced (a value of undefined removes the file). */
export function estateWith(changes: Record<string, string | undefined>): Record<string, string> {
  const files = baseEstate();
  for (const [path, text] of Object.entries(changes)) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  return files;
}

/** Replaces the first occurrence of `from` in one file of the base estate. */
export function edit(path: string, from: string, to: string): Record<string, string> {
  const files = baseEstate();
  const text = files[path];
  if (text === undefined || !text.includes(from)) throw new Error(`fixture ${path} does not contain ${from}`);
  files[path] = text.replace(from, to);
  return files;
}

export function brief(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.code}`;
}
