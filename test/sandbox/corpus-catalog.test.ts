import { describe, expect, it } from "vitest";
import { loadSources } from "../../src/config/load.js";
import { readInputFiles } from "../../src/config/read-files.js";
import { deriveCatalog, renderCatalogModule } from "../../src/sandbox/seed/derive-catalog.js";
import { CORPUS_CATALOG } from "../../src/sandbox/seed/corpus-catalog.js";
import { root } from "../helpers/cli.js";

/** The YAML the sandbox's metadata is derived from: Microsoft's templates and the starter estate. */
const CATALOG_SOURCES = ["test/corpus/templates", "maps"];

describe("the sandbox's corpus catalog", () => {
  it("is what the template corpus and maps/ derive (regenerate: node scripts/generate-sandbox-catalog.mjs)", async () => {
    const { desired } = loadSources(await readInputFiles(CATALOG_SOURCES, root));
    expect(desired.maps.length).toBeGreaterThanOrEqual(40);
    await expect(renderCatalogModule(deriveCatalog(desired))).toMatchFileSnapshot("../../src/sandbox/seed/corpus-catalog.ts");
  });

  it("knows every table and entity of the corpus, with lookup targets", () => {
    const account = CORPUS_CATALOG.tables.find((table) => table.logicalName === "account");
    expect(account?.lookups["transactioncurrencyid"]).toEqual(["transactioncurrency"]);
    expect(account?.lookups["msdyn_company"]).toEqual(["cdm_company"]);
    const salesorder = CORPUS_CATALOG.tables.find((table) => table.logicalName === "salesorder");
    expect(salesorder?.lookups["customerid"]).toEqual(["account", "contact"]);
    expect(salesorder?.columns["customerid"]).toBe("Customer");
    const customers = CORPUS_CATALOG.entities.find((entity) => entity.entitySet === "CustomersV3");
    expect(customers?.fields).toContain("PartyType");
    expect(customers?.keys).toEqual(["CUSTOMERACCOUNT"]);
  });
});
