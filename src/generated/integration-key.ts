/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * The integration key of one Dataverse table: the natural key dual-write uses to find the row, and the Dataverse alternate key behind it.
 */
export interface IntegrationKey {
  /**
   * Document kind. Always IntegrationKey for this file type.
   */
  kind: "IntegrationKey";
  /**
   * Logical name of the Dataverse table, for example account. The file must be named <table>.yaml.
   */
  table: string;
  /**
   * Free text for people.
   */
  description?: string;
  /**
   * Key columns in order. A lookup part is written with its expanded column, for example msdyn_company.cdm_companycode, or through several relations (a.b.column).
   *
   * @minItems 1
   * @maxItems 16
   *
   * Items: A column, relation.column or relation.relation.column.
   */
  columns:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  /**
   * The Dataverse alternate key the integration key is derived from. dwctl creates it and waits for its index to be Active.
   */
  alternateKey: {
    /**
     * Schema name of the alternate key, with the publisher prefix, for example msdyn_accountnumber_company.
     */
    schemaName: string;
    /**
     * Display name of the alternate key.
     */
    displayName: string;
  };
}
