/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * One dual-write table map: a finance and operations data entity paired with a Dataverse table, with its field mappings, transforms, filters, version and desired state.
 */
export interface TableMap {
  /**
   * Document kind. Always TableMap for this file type.
   */
  kind: "TableMap";
  /**
   * Unique name of the map in this repository. Lower-case words joined by dashes; the file must be named <name>.yaml.
   */
  name: string;
  /**
   * Free text for people: why this map exists and who owns it.
   */
  description?: string;
  /**
   * The finance and operations side of the map (the left side in the dual-write UI).
   */
  financeAndOperations: {
    /**
     * Public name of the data entity, for example CustomersV3.
     */
    entity: string;
    /**
     * Label of the entity as the dual-write UI shows it, for example Customers V3.
     */
    label?: string;
    /**
     * Overrides the map's scope for this side only. Use it to declare a side whose scope differs (which the rules reject, as the platform does with DIPV1002).
     */
    scope?: "company" | "global";
  };
  /**
   * The Dataverse side of the map (the right side in the dual-write UI).
   */
  dataverse: {
    /**
     * Logical name of the Dataverse table, for example account.
     */
    table: string;
    /**
     * Web API entity set name of the table, for example accounts.
     */
    entitySet: string;
    /**
     * Overrides the map's scope for this side only.
     */
    scope?: "company" | "global";
  };
  /**
   * company: both sides are company-specific (striped by legal entity through cdm_company). global: both sides are shared across legal entities.
   */
  scope: "company" | "global";
  /**
   * Which version of the map is active. Either a pin, { publisher, number }: dwctl saves git's definition as that version (when it differs) and makes it active. Or { follow: [publishers] }: the latest version those publishers shipped (their solution applied) is made active; dwctl never saves a followed map.
   */
  version: PinnedVersion | FollowedVersion;
  /**
   * Desired run state in every environment pair unless overridden under environments. Default running.
   */
  state?: "running" | "paused" | "stopped";
  initialSync?: InitialSync;
  resume?: Resume;
  /**
   * One source filter per side. The Dataverse filter is an OData $filter subset; the finance and operations filter is an X++ query-range expression.
   */
  filters?: {
    /**
     * X++ query-range expression applied to rows leaving finance and operations, for example ((PartyType == "Organization")).
     */
    financeAndOperations?: string;
    /**
     * OData filter applied to rows leaving Dataverse, for example customertypecode eq 3. Only eq ne gt ge lt le and or not and parentheses on the table's own columns.
     */
    dataverse?: string;
  };
  /**
   * Field mappings, in the order the UI shows them.
   *
   * @minItems 1
   * @maxItems 1000
   */
  fields: [FieldMapping, ...FieldMapping[]];
  /**
   * Names of maps that must be running before this one starts (for example reference data such as currencies). Lookups add implied dependencies.
   */
  dependsOn?: string[];
  /**
   * Alert rules: when this many errors of a type occur within the window, e-mail the recipients and optionally pause or stop the map. Rules take effect after the map restarts.
   *
   * @maxItems 20
   */
  alerts?:
    | []
    | [AlertRule]
    | [AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule, AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule]
    | [AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule, AlertRule]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ]
    | [
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule,
        AlertRule
      ];
  /**
   * Number sequence declarations for tables that are mastered in both apps, so that numbers created on each side never collide.
   *
   * @maxItems 20
   */
  numberSequences?:
    | []
    | [NumberSequence]
    | [NumberSequence, NumberSequence]
    | [NumberSequence, NumberSequence, NumberSequence]
    | [NumberSequence, NumberSequence, NumberSequence, NumberSequence]
    | [NumberSequence, NumberSequence, NumberSequence, NumberSequence, NumberSequence]
    | [NumberSequence, NumberSequence, NumberSequence, NumberSequence, NumberSequence, NumberSequence]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ]
    | [
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence,
        NumberSequence
      ];
  /**
   * When true, dwctl never deletes this map (even with --prune) and stopping it needs --confirm.
   */
  protected?: boolean;
  /**
   * Per environment pair overrides, keyed by the pair name from environments.yaml.
   */
  environments?: {
    [k: string]: EnvironmentOverride;
  };
}
/**
 * A pinned version: publisher and version under which dwctl saves the map. The platform keeps one row per saved version; this one is made active.
 */
export interface PinnedVersion {
  /**
   * Solution publisher unique name, for example contoso. It must match the publisher of the solution that ships the map.
   */
  publisher: string;
  /**
   * Version as major.minor.build.revision, for example 1.0.0.3.
   */
  number: string;
}
/**
 * Follow the latest version from these publishers, as Microsoft's DW Helper does with <authors>: among the versions the dual-write service can run (their solution applied), the highest version by one of these publishers, then by publisher name; the active version stays when it is that version. dwctl only switches to it, it never saves a followed map: its definition belongs to the publisher's solution.
 */
export interface FollowedVersion {
  /**
   * Solution publisher unique names (the templates' authors), for example [contoso] or [contoso, microsoft]. 1 to 10, each once; compared without regard to case.
   *
   * @minItems 1
   * @maxItems 10
   */
  follow:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
}
/**
 * Initial synchronization. It runs only when dwctl starts the map for the first time (enabled), or once more when rerun names a new token. Editing a running map never re-runs it: the map is stopped, saved, refreshed and started again with Skip initial sync. The master only settles conflicts for rows whose key exists on both sides; it does not set the direction.
 */
export interface InitialSync {
  /**
   * Run an initial sync when dwctl starts the map for the first time. false means live sync only (Skip initial sync).
   */
  enabled: boolean;
  /**
   * Which side wins when a row exists on both sides with different values. Default dataverse.
   */
  master?: "financeAndOperations" | "dataverse";
  /**
   * Run the initial sync once more, as a reviewed change: give a new token (for example a date or a ticket number). When the token differs from the one last applied to the pair, the plan stops the map if it runs and starts it with an initial sync; the token is then recorded in the pair's last-applied record, so the next plan does nothing. Removing the token does nothing.
   */
  rerun?: string;
}
/**
 * What a resume does with the records queued while the map was paused (the dual-write UI's resume options).
 */
export interface Resume {
  /**
   * replay: catch up, replaying the queued records in order (default). skip-and-keep: go straight to live sync and keep the queue for a retry. skip-and-discard: go straight to live sync and discard the queue.
   */
  queuedRecords: "replay" | "skip-and-keep" | "skip-and-discard";
}
/**
 * One field mapping row. fo is the finance and operations field, dv the Dataverse column or lookup path, map the direction as the UI shows it.
 */
export interface FieldMapping {
  /**
   * Finance and operations data entity field, for example CUSTOMERACCOUNT. Omit it on a >> row that only writes a default into dv.
   */
  fo?: string;
  /**
   * Direction. = both ways; >< both ways with a value map; > finance and operations to Dataverse; < Dataverse to finance and operations; >> and << one way with a transform (value map or default). Words are accepted too: both, both-transform, to-dataverse, to-finops, to-dataverse-transform, to-finops-transform. Quote the symbols in YAML.
   */
  map:
    | "="
    | "><"
    | ">"
    | "<"
    | ">>"
    | "<<"
    | "both"
    | "both-transform"
    | "to-dataverse"
    | "to-finops"
    | "to-dataverse-transform"
    | "to-finops-transform";
  /**
   * Dataverse column, or a lookup written as Microsoft writes it: relation.column (transactioncurrencyid.isocurrencycode), relation.relation.column, or polymorphic customerid.Account(accountnumber).Contact(msdyn_contactpersonid).
   */
  dv?: string;
  /**
   * For a lookup: logical name of the Dataverse table the relation points to, when it cannot be inferred from the integration keys.
   */
  relatedTable?: string;
  /**
   * Value map from finance and operations enum element names (an empty name maps a blank value) to Dataverse choice values, booleans or text. null maps to a real null.
   */
  valueMap?: {
    /**
     * Dataverse choice value, boolean, text, or null.
     */
    [k: string]: string | number | boolean | null;
  };
  /**
   * Default value written to the destination when the source has none (or, with no source column, always).
   */
  default?: string | number | boolean | null;
}
/**
 * An alert rule, as in the dual-write Alert settings.
 */
export interface AlertRule {
  /**
   * Kind of error counted. Default application.
   */
  errorType?: "application" | "connection";
  /**
   * How many errors raise the alert.
   */
  errors: number;
  /**
   * The sliding window, in minutes.
   */
  withinMinutes: number;
  /**
   * E-mail addresses to notify.
   *
   * @minItems 1
   * @maxItems 50
   */
  notify: [string, ...string[]];
  /**
   * What the service does to the map when the alert fires. Default none.
   */
  action?: "none" | "pause" | "stop";
}
/**
 * The number formats each app uses for new records of a field mastered in both apps: separate prefixes (F0001 and C0001) or a split range (US0001-US4999 and US5000-US9999).
 */
export interface NumberSequence {
  /**
   * The finance and operations field the numbers are written to, for example CUSTOMERACCOUNT.
   */
  field: string;
  financeAndOperations: NumberFormat;
  dataverse: NumberFormat;
}
/**
 * A number format: a fixed prefix and optionally the range of numbers after it.
 */
export interface NumberFormat {
  /**
   * Fixed text before the number, for example F or US.
   */
  prefix: string;
  /**
   * First number of the range (inclusive).
   */
  from?: number;
  /**
   * Last number of the range (inclusive).
   */
  to?: number;
}
/**
 * How this map differs in one environment pair.
 */
export interface EnvironmentOverride {
  /**
   * false: the map does not exist in this pair. Default true.
   */
  enabled?: boolean;
  /**
   * Desired state in this pair.
   */
  state?: "running" | "paused" | "stopped";
  initialSync?: InitialSync;
  resume?: Resume;
  /**
   * How dwctl refresh treats this map when it rebuilds this pair after a database copy.
   */
  refresh?: {
    /**
     * run: start the map with an initial sync after the refresh (its initialSync.master). skip: start it with live sync only. Without this, the pair's choice applies (dwctl refresh --initial-sync, skip by default, because both sides copied from the same source hold the same rows).
     */
    initialSync: "run" | "skip";
  };
}
