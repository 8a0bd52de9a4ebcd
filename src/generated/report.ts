/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * dwctl's report of one or more environment pairs: what dwctl plan and dwctl drift print with --format json (drift) and --format html (both), and what the text, Markdown and HTML renderers read. Each pair carries its findings and, when it could be read, the plan made for it.
 */
export interface Report {
  /**
   * Version of this output format. Minor versions only add properties: 1.1 added the command plan and each pair's plan.
   */
  format_version: "1.1";
  /**
   * The command that made the report: plan (dwctl plan, or dwctl show of a saved plan) or drift.
   */
  command: "plan" | "drift";
  /**
   * When the report was made (ISO 8601).
   */
  generatedAt: string;
  /**
   * The git commit of the desired state, or null outside a repository.
   */
  commit: string | null;
  summary: Summary;
  /**
   * One entry per environment pair read, in the order of environments.yaml.
   */
  pairs: PairReport[];
}
/**
 * Counts over every pair.
 */
export interface Summary {
  /**
   * Pairs read or tried.
   */
  pairs: number;
  /**
   * Pairs with no finding above info.
   */
  clean: number;
  /**
   * Pairs with a finding of severity warning or error.
   */
  drifted: number;
  /**
   * Pairs that could not be read.
   */
  failed: number;
  /**
   * Findings of severity error.
   */
  errors: number;
  /**
   * Findings of severity warning.
   */
  warnings: number;
  /**
   * Findings of severity info.
   */
  infos: number;
}
/**
 * What was found in one environment pair, and the plan made for it.
 */
export interface PairReport {
  /**
   * The pair's name in environments.yaml.
   */
  pair: string;
  /**
   * clean: no finding above info; drift: at least one warning or error; failed: the pair could not be read (see its findings).
   */
  status: "clean" | "drift" | "failed";
  /**
   * Fingerprint of the live snapshot read (sha256, hex), or null when it could not be read.
   */
  fingerprint: string | null;
  /**
   * What dwctl last applied to the pair, from the record in the environment; null when dwctl never applied to it, or when the report was made from a saved plan (which does not carry the record).
   */
  lastApplied: null | LastApplied;
  /**
   * Findings, most severe first. A report made from a saved plan has what the plan shows (blockers, drift, pending deploys); dwctl plan and dwctl drift add the runtime's health, read from the live snapshot.
   */
  findings: Finding[];
  plan?: Plan;
}
/**
 * The last-applied record's header.
 */
export interface LastApplied {
  /**
   * The commit applied, or null.
   */
  commit: string | null;
  /**
   * When (ISO 8601).
   */
  appliedAt: string;
  /**
   * Who applied.
   */
  actor: string;
  /**
   * The integrity hash of the plan applied.
   */
  planHash: string;
}
/**
 * One finding.
 */
export interface Finding {
  /**
   * Stable kebab-case code, for example definition-changed or copied-database. See the README's list.
   */
  code: string;
  /**
   * error: the pair is broken or apply would refuse; warning: drift to act on; info: worth knowing.
   */
  severity: "error" | "warning" | "info";
  /**
   * changedOutsideGit: live differs from what dwctl last applied; pendingDeploy: git differs from what was last applied; runtimeHealth: the pair's runtime state, whatever git says.
   */
  category: "changedOutsideGit" | "pendingDeploy" | "runtimeHealth";
  /**
   * The map it is about, or null.
   */
  map: string | null;
  /**
   * What was found.
   */
  message: string;
  /**
   * What to do about it, or null.
   */
  hint: string | null;
}
/**
 * The plan made for the pair (schemas/plan.schema.json): its actions in waves, warnings, confirmations, blockers, and each saved map's diff. For drift, a plan that nothing applies. Absent when the pair could not be read.
 */
export interface Plan {
  /**
   * Version of this output format. Minor versions only add properties.
   */
  format_version: "1.1";
  /**
   * sha256 (hex) of the canonical JSON of every other property of this plan, written by dwctl plan. A reviewer quotes it; apply refuses a file whose content no longer matches it, and re-derives the plan from git and the live state in any case.
   */
  integrity?: string;
  /**
   * Name of the environment pair the plan is for.
   */
  pair: string;
  /**
   * When the plan was made (ISO 8601), as passed by the caller.
   */
  createdAt: string;
  /**
   * The git commit of the desired state, or null outside a repository.
   */
  commit: string | null;
  /**
   * Fingerprint of the live snapshot the plan was made from (sha256, hex). Apply refuses when the live fingerprint differs.
   */
  fingerprint: string;
  /**
   * sha256 (hex) of the canonical JSON of this pair's desired map definitions, states, keys and legal entities.
   */
  desiredHash: string;
  /**
   * Whether the plan was made with --prune: maps dwctl applied earlier and no longer in git are deleted.
   */
  prune: boolean;
  summary: Summary1;
  /**
   * The waves in run order. Every action of a wave runs before any action of the next.
   */
  waves: Wave[];
  /**
   * What apply does, in run order. Run them one after the other, in this order.
   *
   * Items: One step of the plan. kind names the gateway operation(s) it implies.
   */
  actions: (
    | CreateAlternateKeyAction
    | ReactivateAlternateKeyAction
    | SetIntegrationKeyAction
    | StopMapAction
    | SaveMapDefinitionAction
    | ApplySolutionAction
    | InitialiseMapAction
    | ActivateMapVersionAction
    | SwitchMapVersionAction
    | RefreshTablesAction
    | DeleteMapAction
    | StartMapAction
    | PauseMapAction
    | ResumeMapAction
    | RenameMapAction
  )[];
  /**
   * Things the reviewer should know before applying.
   */
  warnings: Warning[];
  /**
   * Where the live state differs from the last applied state: changed outside dwctl.
   */
  drift: Drift[];
  /**
   * Where the desired state differs from the last applied state: in git, not yet deployed.
   */
  pending: Pending[];
  /**
   * Why apply needs --confirm <pair>. Empty when no confirmation is needed. Informative in a saved plan: apply computes the confirmations again and never reads them from the file.
   */
  confirmationsRequired: Confirmation[];
  /**
   * Whether apply --auto-approve --confirm named this pair. A saved plan never carries a confirmation: dwctl plan refuses --confirm, and apply recomputes the confirmations and checks its own --confirm.
   */
  confirmed: boolean;
  /**
   * Why apply must refuse this plan whatever the confirmation. Empty when the plan can be applied.
   */
  blockers: Blocker[];
  /**
   * Live maps that are neither in git nor in the last applied record: reported, never touched.
   */
  unmanaged: UnmanagedMap[];
  /**
   * Present when the plan was made with --changed-since <ref>: only the maps changed since that base were planned (validation and the planner still read the whole estate; every other map was taken to be what is live, so it has no action). Apply of the file derives the scope again from git and refuses when it differs.
   */
  changedSince?: {
    /**
     * The ref as given to --changed-since (a branch, tag or commit).
     */
    ref: string;
    /**
     * The commit the ref named when the plan was made; apply derives the scope from this commit, not from the ref, which may have moved.
     */
    commit: string;
    /**
     * The merge base of that commit and HEAD: the changes are git diff <base> HEAD plus uncommitted changes (staged, unstaged and untracked files).
     */
    base: string;
    /**
     * True when an environments file changed: every map is in scope, and the plan is the whole plan.
     */
    whole: boolean;
    /**
     * Names of the maps in scope, sorted: maps whose file changed (or was deleted), maps on a table whose integration key file changed, and maps that share a Dataverse table with one of these (they share its integration key).
     */
    maps: string[];
    /**
     * The Dataverse tables whose integration keys are in scope: the tables of the maps in scope.
     */
    keys: string[];
    /**
     * The changed files of the estate, relative to the repository root, sorted.
     */
    files: string[];
  };
  /**
   * The state of the files the plan was read from (the estate, maps/ by default) against the git commit: dirty when any is staged, modified, deleted or untracked. Absent outside a git work tree. A plan made from uncommitted changes describes no commit.
   */
  workingTree?: {
    /**
     * Whether any file of the estate differs from the commit.
     */
    dirty: boolean;
    /**
     * The files that differ, relative to the repository root, sorted, each with git's two-letter status (for example ' M maps/tablemaps/currencies.yaml', '?? maps/keys/account.yaml').
     */
    changes: string[];
  };
}
/**
 * Counts, for the summary line and for exit codes.
 */
export interface Summary1 {
  /**
   * Maps and alternate keys that do not exist yet.
   */
  create: number;
  /**
   * Existing maps whose definition or active version changes, plus integration key, key reactivation and legal entity changes.
   */
  update: number;
  /**
   * Maps deleted (pruned).
   */
  delete: number;
  /**
   * Stop, start, pause, resume and initial sync actions.
   */
  lifecycle: number;
  /**
   * Number of actions. 0 means the live state already matches the desired state.
   */
  actions: number;
  /**
   * Number of drift items.
   */
  drift: number;
  /**
   * Number of pending items (desired differs from last applied).
   */
  pending: number;
  /**
   * Number of warnings.
   */
  warnings: number;
  /**
   * Number of unmanaged live maps.
   */
  unmanaged: number;
  /**
   * true when blockers is not empty: apply refuses.
   */
  blocked: boolean;
  /**
   * Maps whose tracked name changes (renameMap actions); present only when there are some.
   */
  rename?: number;
}
/**
 * A group of actions that run together, after every earlier wave.
 */
export interface Wave {
  /**
   * 1-based position in run order; actions name it in their wave property.
   */
  index: number;
  /**
   * What the wave does: rename, keys, link, stop, definitions, start 1, start 2, cycle phase 2: stop, ..., pause.
   */
  title: string;
}
/**
 * Create a Dataverse alternate key, then wait until its index is Active (reactivate it if the build fails).
 */
export interface CreateAlternateKeyAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * createAlternateKey.
   */
  kind: "createAlternateKey";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Logical name of the Dataverse table.
   */
  table: string;
  /**
   * Schema name of the new key.
   */
  schemaName: string;
  /**
   * Display name of the new key.
   */
  displayName: string;
  /**
   * Key attributes: the table's own columns (the lookup column for a lookup key part).
   */
  attributes: string[];
}
/**
 * Retry the index build of an alternate key whose index failed, then wait until it is Active.
 */
export interface ReactivateAlternateKeyAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * reactivateAlternateKey.
   */
  kind: "reactivateAlternateKey";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Logical name of the Dataverse table.
   */
  table: string;
  /**
   * Schema name of the live key whose index failed.
   */
  schemaName: string;
}
/**
 * Set the dual-write integration key of a Dataverse table.
 */
export interface SetIntegrationKeyAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * setIntegrationKey.
   */
  kind: "setIntegrationKey";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Logical name of the Dataverse table.
   */
  table: string;
  /**
   * The key columns to set, lookups expanded (msdyn_company.cdm_companycode).
   */
  columns: string[];
  /**
   * The live key columns, or null when the table has no integration key.
   */
  from: string[] | null;
}
/**
 * Stop a map (before its definition is saved or it is deleted, or because its desired state is stopped).
 */
export interface StopMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * stopMap.
   */
  kind: "stopMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
}
/**
 * Identifies a map in an environment: the data entity and Dataverse table pair is unique.
 */
export interface MapRef {
  /**
   * Public name of the finance and operations data entity, for example CustomersV3.
   */
  entity: string;
  /**
   * Logical name of the Dataverse table, for example account.
   */
  table: string;
}
/**
 * Save a map version (the map is stopped or new). create: the version does not exist live; update: it exists and is overwritten in place.
 */
export interface SaveMapDefinitionAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * saveMapDefinition.
   */
  kind: "saveMapDefinition";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  /**
   * create: a new map or a new version; update: an existing version is overwritten.
   */
  change: "create" | "update";
  definition: MapDefinition;
  changes: DefinitionChanges;
  /**
   * For a map of a lookup cycle: phase 1 saves it without the lookup fields that close the cycle, phase 2 saves it again with them. null otherwise.
   */
  lookupCycle: {
    /**
     * 1: saved without the fields; 2: saved with them again.
     */
    phase: 1 | 2;
    /**
     * The Dataverse lookup paths of the fields that close the cycle.
     */
    fields: string[];
  } | null;
  /**
   * Unified diff of the normalised YAML of the live active definition (live/<name>) and the saved one (desired/<name>).
   */
  diff: string;
}
/**
 * A complete map definition, as the gateway saves it (one map version).
 */
export interface MapDefinition {
  /**
   * The finance and operations side.
   */
  financeAndOperations: {
    /**
     * Public name of the data entity.
     */
    entity: string;
    /**
     * Label of the entity as the dual-write UI shows it.
     */
    label: string;
    /**
     * company or global.
     */
    scope: "company" | "global";
  };
  /**
   * The Dataverse side.
   */
  dataverse: {
    /**
     * Logical name of the table.
     */
    table: string;
    /**
     * Web API entity set name of the table.
     */
    entitySet: string;
    /**
     * company or global.
     */
    scope: "company" | "global";
  };
  version: MapVersion;
  /**
   * Source filters, one per side; absent when there is none.
   */
  filters: {
    /**
     * X++ query-range expression for rows leaving finance and operations.
     */
    financeAndOperations?: string;
    /**
     * OData filter for rows leaving Dataverse.
     */
    dataverse?: string;
  };
  /**
   * Field mappings, in the order git declares them.
   */
  fields: FieldRow[];
  /**
   * Alert rules.
   */
  alerts: AlertRule[];
}
/**
 * A map version: solution publisher and major.minor.build.revision.
 */
export interface MapVersion {
  /**
   * Solution publisher unique name.
   */
  publisher: string;
  /**
   * Version as major.minor.build.revision.
   */
  number: string;
}
/**
 * One field mapping with its canonical direction symbol.
 */
export interface FieldRow {
  /**
   * Finance and operations data entity field.
   */
  fo?: string;
  /**
   * Direction: = both ways; >< both ways with a value map; > to Dataverse; < to finance and operations; >> and << one way with a transform.
   */
  map: "=" | "><" | ">" | "<" | ">>" | "<<";
  /**
   * Dataverse column or lookup path.
   */
  dv?: string;
  /**
   * Value map from finance and operations enum element names to Dataverse values.
   */
  valueMap?: {
    /**
     * Dataverse choice value, boolean, text, or null.
     */
    [k: string]: string | number | boolean | null;
  };
  /**
   * Default value written to the destination when the source has none.
   */
  default?: string | number | boolean | null;
}
/**
 * An alert rule, as in the dual-write Alert settings.
 */
export interface AlertRule {
  /**
   * Kind of error counted.
   */
  errorType: "application" | "connection";
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
   */
  notify: [string, ...string[]];
  /**
   * What the service does to the map when the alert fires.
   */
  action: "none" | "pause" | "stop";
}
/**
 * What a saved definition changes compared with the live active one, for the summary of a reviewer.
 */
export interface DefinitionChanges {
  /**
   * Field mappings in the saved definition with no mapping of the same fields live.
   */
  fieldsAdded: number;
  /**
   * Live field mappings with no mapping of the same fields in the saved definition.
   */
  fieldsRemoved: number;
  /**
   * Field mappings of the same fields whose direction, value map or default changes.
   */
  fieldsChanged: number;
  /**
   * The sides whose source filter changes.
   *
   * Items: financeAndOperations or dataverse.
   */
  filters: ("financeAndOperations" | "dataverse")[];
  /**
   * Whether the alert rules change.
   */
  alerts: boolean;
  /**
   * Whether the entity label, entity set or scope of a side changes.
   */
  sides: boolean;
  /**
   * The live active version and the saved one, when they differ; otherwise null.
   */
  version: {
    /**
     * The live active version, or null for a new map.
     */
    from: MapVersion | null;
    to: MapVersion;
  } | null;
}
/**
 * Apply Solution for one solution (the dual-write service's RestoreTemplates, one solution a call): the map versions saved in it become versions the service can switch to.
 */
export interface ApplySolutionAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * applySolution.
   */
  kind: "applySolution";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Unique name of the Dataverse solution (dwctl keeps one unmanaged solution per publisher).
   */
  solution: string;
  /**
   * Names of the maps whose versions were saved in it by this plan.
   *
   * Items: Name of the map in git (for a pruned map, the name it was last applied under).
   */
  maps: string[];
}
/**
 * Initialise a map the service lists without a project (pid null): the service's action "8". Nothing else can be done to such a map first.
 */
export interface InitialiseMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * initialiseMap.
   */
  kind: "initialiseMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
}
/**
 * Make a saved version the active one.
 */
export interface ActivateMapVersionAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * activateMapVersion.
   */
  kind: "activateMapVersion";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  version: MapVersion;
}
/**
 * Switch a map's active version to another version the dual-write service can already run (a template), with nothing to save first: one SwitchActive call (dualwrite-service.md 5.7). The target is a pinned version whose template holds git's definition, or the version a followed map's policy chooses.
 */
export interface SwitchMapVersionAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * switchMapVersion.
   */
  kind: "switchMapVersion";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  from: MapVersion1;
  to: MapVersion2;
}
/**
 * A map version: solution publisher and major.minor.build.revision.
 */
export interface MapVersion1 {
  /**
   * Solution publisher unique name.
   */
  publisher: string;
  /**
   * Version as major.minor.build.revision.
   */
  number: string;
}
/**
 * A map version: solution publisher and major.minor.build.revision.
 */
export interface MapVersion2 {
  /**
   * Solution publisher unique name.
   */
  publisher: string;
  /**
   * Version as major.minor.build.revision.
   */
  number: string;
}
/**
 * Refresh tables for a stopped map (the service's Project Refresh): it reloads the tables' schema and regenerates integration keys. DW Helper runs it after a version or key change, before the start.
 */
export interface RefreshTablesAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * refreshTables.
   */
  kind: "refreshTables";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  /**
   * Why: the definition or version changed, the integration key changed, or the map is new.
   */
  reason: "definition" | "key" | "new";
}
/**
 * Delete every version of a stopped map that dwctl applied earlier and git no longer has (--prune).
 */
export interface DeleteMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * deleteMap.
   */
  kind: "deleteMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
}
/**
 * Run a stopped or not running map. An initial sync runs only on the map's first start (when initialSync.enabled) or for a new initialSync.rerun token; every other start skips it (live sync only).
 */
export interface StartMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * startMap.
   */
  kind: "startMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  /**
   * Run an initial sync first, or null to skip it (live sync only).
   */
  initialSync: {
    /**
     * financeAndOperations or dataverse.
     */
    master: "financeAndOperations" | "dataverse";
    /**
     * first-start: dwctl starts the map for the first time and initialSync.enabled is true. rerun: initialSync.rerun names a token that was not applied yet. cycle: phase 2 of a lookup cycle, part of the first start. refresh: the first start after dwctl refresh rebuilt the pair, by the refresh's initial-sync choice.
     */
    reason: "first-start" | "rerun" | "cycle" | "refresh";
    /**
     * The rerun token, for reason rerun.
     */
    token?: string;
  } | null;
}
/**
 * Pause a running map: changes are queued and replayed on resume.
 */
export interface PauseMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * pauseMap.
   */
  kind: "pauseMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
}
/**
 * Resume a paused map. queuedRecords says what happens to the records queued while it was paused.
 */
export interface ResumeMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * resumeMap.
   */
  kind: "resumeMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  /**
   * replay: catch up, replaying the queued records in order. skip-and-keep: go straight to live sync and keep the queue. skip-and-discard: go straight to live sync and discard the queue.
   */
  queuedRecords: "replay" | "skip-and-keep" | "skip-and-discard";
}
/**
 * Change the name dwctl tracks a map under (its last-applied record) from its old name to its name in git: the same entity and table, so the same map on the platform. Nothing is sent to the platform; the map is not stopped.
 */
export interface RenameMapAction {
  /**
   * Stable id of the action within the plan, for example wave3/stop/customersv3|account. Journals and progress output name actions by it.
   */
  id: string;
  /**
   * The index of the wave the action belongs to.
   */
  wave: number;
  /**
   * renameMap.
   */
  kind: "renameMap";
  /**
   * One line for people, for example stop Customers V3 (accounts).
   */
  description: string;
  /**
   * Name of the map in git (for a pruned map, the name it was last applied under).
   */
  map: string;
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  /**
   * The name the pair's last-applied record has for the map.
   */
  from: string;
  /**
   * The moved entry that renames it (the first of a chain), or null when git has none and the rename is known only from the entity and table.
   */
  moved: SourceLocation | null;
}
/**
 * A position in a YAML file of the repository: 1-based line and column.
 */
export interface SourceLocation {
  /**
   * The file, relative to the folder dwctl ran in.
   */
  file: string;
  /**
   * 1-based line.
   */
  line: number;
  /**
   * 1-based column.
   */
  column: number;
}
/**
 * Something the reviewer should know.
 */
export interface Warning {
  /**
   * Stable kebab-case code, for example initial-sync-master or lookup-cycle.
   */
  code: string;
  /**
   * The map it is about, or null.
   */
  map: string | null;
  /**
   * What to know, in one or two sentences.
   */
  message: string;
}
/**
 * One difference between the live state and the last applied state (or, for the link and key indexes, a live state that is wrong whatever was applied).
 */
export interface Drift {
  /**
   * definitionChanged: a map edited outside dwctl; stateChanged: a map stopped, paused or started outside dwctl; mapMissing: an applied map deleted; mapError: a map in error; initialSyncFailed; keyIndexFailed: an alternate key index failed; integrationKeyChanged; legalEntitiesChanged; linkMismatch: finance and operations is linked to another Dataverse (after a database copy); staleRuntimeConfiguration: runtime rows point at another Dataverse.
   */
  kind:
    | "definitionChanged"
    | "stateChanged"
    | "mapMissing"
    | "mapError"
    | "initialSyncFailed"
    | "keyIndexFailed"
    | "integrationKeyChanged"
    | "legalEntitiesChanged"
    | "linkMismatch"
    | "staleRuntimeConfiguration";
  /**
   * The map it is about, or null.
   */
  map: string | null;
  /**
   * What differs and what to do.
   */
  message: string;
}
/**
 * One difference between the desired state and the last applied state.
 */
export interface Pending {
  /**
   * The map it is about, or null for keys and legal entities.
   */
  map: string | null;
  /**
   * What is not deployed yet.
   */
  message: string;
}
/**
 * A reason why apply needs --confirm <pair>.
 */
export interface Confirmation {
  /**
   * protectedPair: a stop, delete or initial sync on a protected pair; protectedMap: a stop of a protected map; maxStops: more stops than --max-stops.
   */
  reason: "protectedPair" | "protectedMap" | "maxStops";
  /**
   * What needs confirming.
   */
  message: string;
}
/**
 * A reason why apply refuses.
 */
export interface Blocker {
  /**
   * lookupCycle: maps that look each other up cannot be started in two phases; linkMismatch: the pair is linked to another Dataverse; notLinked: the pair has no dual-write link; unknownColumn: a table, entity, column or field the YAML names does not exist live; incompatibleColumn: a column exists but its type cannot be used as the YAML uses it; unknownPublisher: a map version names a publisher Dataverse does not have, so its solution cannot be created; movedChangesMap: a moved entry renames a map to one with another entity or table, which is another map on the platform; followedMapMissing: a map follows the latest version of some publishers but does not exist live; followedVersionMissing: the service lists no version of a followed map by those publishers; versionOfAnotherPublisher: a pinned version would be saved into a Dataverse row that names no publisher while the dual-write service lists that version number as another publisher's template.
   */
  kind:
    | "lookupCycle"
    | "linkMismatch"
    | "notLinked"
    | "staleRuntimeConfiguration"
    | "copiedDatabase"
    | "sameEnvironment"
    | "unknownColumn"
    | "incompatibleColumn"
    | "unknownPublisher"
    | "movedChangesMap"
    | "followedMapMissing"
    | "followedVersionMissing"
    | "versionOfAnotherPublisher";
  /**
   * Why, and what to do.
   */
  message: string;
  /**
   * For a cycle: the map names along it, first one repeated at the end. For unknownColumn and incompatibleColumn: the map (or the integration key's table). For movedChangesMap: the old name and the new one. For followedMapMissing, followedVersionMissing and versionOfAnotherPublisher: the map. Otherwise empty.
   */
  path: string[];
  location?: SourceLocation1;
}
/**
 * A position in a YAML file of the repository: 1-based line and column.
 */
export interface SourceLocation1 {
  /**
   * The file, relative to the folder dwctl ran in.
   */
  file: string;
  /**
   * 1-based line.
   */
  line: number;
  /**
   * 1-based column.
   */
  column: number;
}
/**
 * A live map that dwctl does not manage.
 */
export interface UnmanagedMap {
  ref: MapRef;
  /**
   * The map as the dual-write UI names it: entity label and Dataverse entity set, for example Customers V3 (accounts).
   */
  title: string;
  /**
   * Its live state.
   */
  state: "notRunning" | "initializing" | "running" | "paused" | "resuming" | "stopped" | "error";
}
