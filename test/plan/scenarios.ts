import type { LastAppliedRecord } from "../../src/model/last-applied.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import { mapKey, type MapDefinition, type Snapshot } from "../../src/model/snapshot.js";
import type { BuildPlanInput } from "../../src/plan/build-plan.js";
import { definitionHash } from "../../src/plan/normalise-definition.js";
import {
  commit,
  contactKey,
  contactsMap,
  createdAt,
  editFile,
  emptyLive,
  lastAppliedFor,
  liveFromDesired,
  liveMap,
  pairDesired,
  planEstate,
  withLiveMap,
} from "./builders.js";

export interface Scenario {
  name: string;
  /** What a reviewer should see in the golden files. */
  about: string;
  input: BuildPlanInput;
}

const customers = "maps/tablemaps/customers.yaml";

function input(desired: PairDesired, snapshot: Snapshot, lastApplied: LastAppliedRecord | undefined, prune = false): BuildPlanInput {
  return { desired, snapshot, lastApplied, options: { prune }, commit, createdAt };
}

/** Current state: everything in the plan estate applied to stage; git then changes. */
function deployed(pair = "stage"): { pd: PairDesired; live: Snapshot; last: LastAppliedRecord } {
  const pd = pairDesired(planEstate(), pair);
  return { pd, live: liveFromDesired(pd), last: lastAppliedFor(pd) };
}

const vendors: MapDefinition = {
  financeAndOperations: { entity: "VendorsV2", label: "Vendors V2", scope: "company" },
  dataverse: { table: "msdyn_vendor", entitySet: "msdyn_vendors", scope: "company" },
  version: { publisher: "contoso", number: "1.0.0.1" },
  filters: {},
  fields: [
    { fo: "VENDORACCOUNTNUMBER", map: "=", dv: "msdyn_vendoraccountnumber" },
    { fo: "VENDORORGANIZATIONNAME", map: "=", dv: "msdyn_vendorname" },
  ],
  alerts: [],
};

const salesOrders: MapDefinition = {
  financeAndOperations: { entity: "SalesOrderHeadersV2", label: "Sales order headers V2", scope: "company" },
  dataverse: { table: "salesorder", entitySet: "salesorders", scope: "company" },
  version: { publisher: "microsoft", number: "1.0.0.0" },
  filters: {},
  fields: [{ fo: "SALESORDERNUMBER", map: "=", dv: "msdyn_salesordernumber" }],
  alerts: [],
};

/** stage with a vendors map that dwctl applied earlier and git has since dropped, plus a map dwctl never managed. */
function pruneScenario(prune: boolean, isProtected: boolean): BuildPlanInput {
  const { pd, live, last } = deployed();
  live.maps.push(liveMap(vendors, "running"), liveMap(salesOrders, "running"));
  const key = mapKey({ entity: "VendorsV2", table: "msdyn_vendor" });
  last.maps[key] = { name: "vendors", definitionHash: definitionHash(vendors), state: "running", protected: isProtected };
  return input(pd, live, last, prune);
}

export function scenarios(): Scenario[] {
  const list: Scenario[] = [];

  {
    const pd = pairDesired(planEstate());
    list.push({
      name: "new-map",
      about: "an empty, linked stage: keys, then definitions, then starts in dependency order",
      input: input(pd, emptyLive(pd), undefined),
    });
  }
  {
    const { live, last } = deployed();
    const files = editFile(
      editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4"),
      customers,
      '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n',
      '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n  - { fo: PRIMARYCONTACTEMAIL, map: "=", dv: emailaddress1 }\n',
    );
    list.push({
      name: "changed-field",
      about: "a field added under a new version: stop, save, activate, start",
      input: input(pairDesired(files), live, last),
    });
  }
  {
    const { live, last } = deployed();
    const files = editFile(
      planEstate(),
      customers,
      '{ fo: ORGANIZATIONNAME, map: "=", dv: name }',
      '{ fo: ORGANIZATIONNAME, map: ">", dv: name }',
    );
    list.push({
      name: "changed-direction",
      about: "one field becomes one-way, same version: updated in place",
      input: input(pairDesired(files), live, last),
    });
  }
  {
    const { live, last } = deployed();
    const files = editFile(planEstate(), customers, 'valueMap: { "No": 0, "Yes": 1 }', 'valueMap: { "Yes": true, "No": false }');
    list.push({
      name: "value-map-change",
      about: "a value map's values change (key order does not count)",
      input: input(pairDesired(files), live, last),
    });
  }
  {
    const { live, last } = deployed();
    const files = editFile(
      editFile(planEstate(), customers, "dataverse: customertypecode eq 3", "dataverse: customertypecode eq 3 and statecode eq 0"),
      customers,
      'financeAndOperations: ((PartyType == "Organization"))',
      'financeAndOperations: "( (PartyType  ==  \\"Organization\\") )"',
    );
    list.push({
      name: "filter-change",
      about: "the Dataverse filter changes; the finance and operations filter only changes whitespace",
      input: input(pairDesired(files), live, last),
    });
  }
  {
    const { pd, live, last } = deployed();
    live.alternateKeys = live.alternateKeys.filter((k) => k.table !== "account");
    live.integrationKeys = live.integrationKeys.filter((k) => k.table !== "account");
    list.push({
      name: "new-key",
      about: "the account key is in git but not live: create the alternate key, then the integration key",
      input: input(pd, live, last),
    });
  }
  list.push({
    name: "prune-off",
    about: "a map dropped from git, planned without --prune: a warning, nothing deleted",
    input: pruneScenario(false, false),
  });
  list.push({ name: "prune-on", about: "the same with --prune: stop, then delete", input: pruneScenario(true, false) });
  list.push({
    name: "prune-protected",
    about: "with --prune, but the map was applied as protected: never deleted",
    input: pruneScenario(true, true),
  });
  {
    const { live, last } = deployed();
    const files = editFile(
      planEstate({ "maps/tablemaps/contacts.yaml": contactsMap, "maps/keys/contact.yaml": contactKey }),
      customers,
      '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n',
      '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n  - { fo: CONTACTPERSONID, map: "=", dv: primarycontactid.msdyn_contactpersonid }\n',
    );
    list.push({
      name: "lookup-cycle",
      about: "contacts added; customers and contacts look each other up: two phases",
      input: input(pairDesired(files), live, last),
    });
  }
  {
    const { live, last } = deployed("prod");
    const files = editFile(
      planEstate(),
      customers,
      '{ fo: ORGANIZATIONNAME, map: "=", dv: name }',
      '{ fo: ORGANIZATIONNAME, map: "<", dv: name }',
    );
    list.push({
      name: "protected-environment",
      about: "a change on the protected prod pair: the stop and the initial sync need --confirm prod",
      input: input(pairDesired(files, "prod"), live, last),
    });
  }
  {
    const { pd, live, last } = deployed();
    list.push({ name: "no-changes", about: "live equals git: zero actions", input: input(pd, live, last) });
  }
  {
    const { pd, live, last } = deployed();
    withLiveMap(live, "account", (m) => {
      m.state = "paused";
    });
    list.push({ name: "paused-map-resume", about: "someone paused customers: drift, and a resume", input: input(pd, live, last) });
  }
  {
    const { pd, live, last } = deployed();
    withLiveMap(live, "account", (m) => {
      const d = structuredClone(m.definition);
      d.fields = d.fields.filter((f) => f.fo !== "ORGANIZATIONNAME");
      d.fields.push({ fo: "PHONE", map: "=", dv: "telephone1" });
      m.definition = d;
    });
    list.push({
      name: "ui-edit",
      about: "customers edited in the dual-write UI: drift, and apply puts git's definition back",
      input: input(pd, live, last),
    });
  }
  {
    const { pd, live, last } = deployed();
    const prodUrl = "https://contoso.crm.dynamics.com";
    live.link = { connectionSet: "stage-dw-connectionset", dataverseUrl: prodUrl, powerAppsEnvironment: "5a1f0c3e-8d2b-4c7a-9e6f-1b3d5f7a9c0e", legalEntities: ["USMF"] };
    live.runtime.financeAndOperations = live.runtime.financeAndOperations.map((r) => ({ ...r, externalEnvironmentUrl: prodUrl }));
    list.push({
      name: "stale-link",
      about: "stage after a database copy from prod: still linked to prod's Dataverse; blocked",
      input: input(pd, live, last),
    });
  }
  {
    // customers follows contoso, whose newer version 1.0.0.4 (the same definition) is a template now.
    const { live, last } = deployed();
    const pd = pairDesired(editFile(planEstate(), customers, "version: { publisher: contoso, number: 1.0.0.3 }", "version: { follow: [contoso] }"));
    withLiveMap(live, "account", (m) => {
      const newer = { id: "account-1.0.0.4", publisher: "contoso", number: "1.0.0.4" };
      m.versions.push(newer);
      m.templates.push({ ...newer, definition: { ...structuredClone(m.definition), version: { publisher: "contoso", number: "1.0.0.4" } } });
    });
    list.push({
      name: "version-switch",
      about: "customers follows contoso, which shipped 1.0.0.4: stop, one version switch (nothing saved), refresh tables, start",
      input: input(pd, live, last),
    });
  }
  return list;
}
