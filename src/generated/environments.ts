/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * Host names in lower case ASCII (IDNA A-labels): an exact host, or *. followed by a suffix of at least two labels.
 *
 * @maxItems 50
 */
export type HostList = string[];

/**
 * The environment pairs dwctl manages: each pairs one finance and operations environment with one Dataverse environment.
 */
export interface Environments {
  /**
   * Document kind. Always Environments for this file type.
   */
  kind: "Environments";
  /**
   * The environment pairs. Names are unique.
   *
   * @minItems 1
   * @maxItems 200
   */
  pairs: [Pair, ...Pair[]];
}
/**
 * One linked finance and operations + Dataverse environment pair.
 */
export interface Pair {
  /**
   * Short name used on the command line (--env) and in map overrides, for example prod or stage.
   */
  name: string;
  /**
   * Free text for people.
   */
  description?: string;
  financeAndOperations: Endpoint;
  dataverse: Endpoint;
  /**
   * The dual-write management service that operates this pair's maps (undocumented by Microsoft; see the README). Required for real pairs; the sandbox serves its own.
   */
  dualWrite?: {
    /**
     * Base URL of the service, for example https://projectmanagementservice.weu.gateway.prod.island.powerapps.com.
     */
    url: string;
  };
  /**
   * Legal entities (company codes) linked for dual-write in this pair. They are chosen when the pair is linked.
   *
   * @minItems 1
   * @maxItems 250
   */
  legalEntities: [string, ...string[]];
  /**
   * A protected pair (production) needs --confirm <name> for any stop, delete or initial sync, and the refresh runbook never touches it.
   */
  protected?: boolean;
  /**
   * Name of the pair this one is refreshed from by database copy (STAGE refreshed from PROD). The refresh runbook proves the copy and cleans what it carried over.
   */
  refreshedFrom?: string;
  /**
   * true: this pair lives in the embedded dwctl sandbox (loopback URLs, sandbox tokens).
   */
  sandbox?: boolean;
  auth?: Auth;
  /**
   * Hosts outside the domains dwctl knows for each service (see the README) that may receive this pair's tokens, per service (dataverse, financeAndOperations, dualWrite): each an exact host name or *.suffix. Every URL of a real pair must be on its service's domains or listed here. Protect environments.yaml with CODEOWNERS: this list decides where credentials go.
   */
  allowedHosts?: {
    dataverse?: HostList;
    financeAndOperations?: HostList;
    dualWrite?: HostList;
  };
  /**
   * Environment variables outside DWCTL_* that auth.clientSecretVariable and auth.managementTokenVariable may name. Only DWCTL_* variables are read as secrets otherwise, so a pull request cannot send GITHUB_TOKEN or a cloud key anywhere. Protect environments.yaml with CODEOWNERS.
   *
   * @maxItems 50
   */
  allowedSecretVariables?: string[];
  /**
   * Drift ignore rules: differences matched here are neither reported as drift nor changed by apply.
   *
   * @maxItems 200
   */
  ignore?: IgnoreRule[];
}
/**
 * The environment's base URL.
 */
export interface Endpoint {
  /**
   * Base URL, for example https://contoso.operations.dynamics.com or https://contoso.crm.dynamics.com. https only, except loopback for the sandbox.
   */
  url: string;
}
/**
 * How dwctl gets tokens for this pair. References only: ids and names of environment variables, never a secret value.
 */
export interface Auth {
  /**
   * github-oidc: workload identity federation from the GitHub Actions OIDC token. client-secret: a secret read from the environment variable named by clientSecretVariable. device-code: an interactive developer login. sandbox: tokens issued by the embedded sandbox.
   */
  method: "github-oidc" | "client-secret" | "device-code" | "sandbox";
  /**
   * Microsoft Entra tenant id.
   */
  tenantId?: string;
  /**
   * Application (client) id of the app registration.
   */
  clientId?: string;
  /**
   * Name of the environment variable that holds the client secret (method client-secret).
   */
  clientSecretVariable?: string;
  /**
   * Name of the environment variable that holds a delegated token for the dual-write management service.
   */
  managementTokenVariable?: string;
}
/**
 * One ignore rule.
 */
export interface IgnoreRule {
  /**
   * Map name or glob (* matches any run of characters).
   */
  map: string;
  /**
   * What to ignore: state, fields (only the listed fields if fields is given), filters, transforms, version, alerts.
   *
   * @minItems 1
   */
  aspects: [
    "state" | "fields" | "filters" | "transforms" | "version" | "alerts",
    ...("state" | "fields" | "filters" | "transforms" | "version" | "alerts")[]
  ];
  /**
   * With aspect fields: only these finance and operations fields or Dataverse columns.
   */
  fields?: string[];
  /**
   * Why the difference is accepted. Shown in drift reports.
   */
  reason?: string;
}
