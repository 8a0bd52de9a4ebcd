import type { MapState, Side } from "../../model/desired.js";
import type { LiveMap, MapRef } from "../../model/snapshot.js";
import { mapKey } from "../../model/snapshot.js";
import { chooseVersion } from "../../model/choose-version.js";
import type { DwHelperConfig, DwHelperGroup } from "./read-config.js";

/** What a DW Helper configuration asks of one live map, resolved against the pair as DW Helper would. */
export interface DwHelperIntent {
  ref: MapRef;
  /** DW Helper's name of the map, and its line in the file. */
  mapName: string;
  line: number;
  /** The template DW Helper would deploy; undefined when it resolves to none (the live version stays). */
  version: { publisher: string; number: string } | undefined;
  /**
   * The entry asks for the latest version of these authors (no exact version): written as
   * `version: { follow }`, so that the plan keeps choosing as DW Helper does. Undefined for `Any`,
   * an exact version, or authors that are no publisher unique names (then `version` is pinned).
   */
  follow: string[] | undefined;
  /** The group's target state; undefined for Keep (the live state). */
  state: MapState | undefined;
  initialSync: { enabled: boolean; master: Side };
  /** Integration key columns; empty when the file gives none. */
  keys: string[];
}

export interface DwHelperResolution {
  intents: DwHelperIntent[];
  warnings: string[];
}

export interface LiveMapNamed {
  map: LiveMap;
  /** The service's name of the map (`detail.tName`). */
  serviceName: string;
}

/** DW Helper's defaults for a map whose group is missing: `new Group()` (DWLibary/Struct/Groups.cs). */
const DEFAULT_GROUP: DwHelperGroup = { name: "", initialSync: false, targetState: "running", line: 0, unsupported: [] };

/**
 * Matches each `<Map>` to a live map by its service name, exactly, as DW Helper does
 * (DWMapEngine.cs: `x.detail.tName.Equals(mapConfig.mapName)`), and resolves its version as DW
 * Helper's getLatestTemplate does: the templates of the listed authors (all for Any), of the exact
 * version when one is given, highest version first, then author, then id; the active template when
 * that one has the same version and author.
 */
export function resolveDwHelper(config: DwHelperConfig, file: string, live: readonly LiveMapNamed[], financeAndOperationsHost: string): DwHelperResolution {
  const warnings = [...config.warnings];
  const byName = new Map(live.map((entry) => [entry.serviceName, entry]));
  const groups = new Map(config.groups.map((group) => [group.name.toUpperCase(), group]));
  const intents: DwHelperIntent[] = [];
  const usedGroups = new Set<DwHelperGroup>();
  for (const entry of config.maps) {
    const where = `${file}:${entry.line}`;
    let found = byName.get(entry.mapName);
    if (found === undefined) {
      const folded = live.find((candidate) => candidate.serviceName.toLowerCase() === entry.mapName.toLowerCase());
      if (folded === undefined) {
        warnings.push(`${where}: the dual-write service of this pair lists no map "${entry.mapName}": skipped, as DW Helper skips it ("MapConfig not found in maps")`);
        continue;
      }
      warnings.push(`${where}: "${entry.mapName}" differs in case from the service's "${folded.serviceName}"; DW Helper matches exactly and would skip it, this import takes it`);
      found = folded;
    }
    let group = DEFAULT_GROUP;
    if (entry.group !== "") {
      const named = groups.get(entry.group.toUpperCase());
      if (named === undefined) warnings.push(`${where}: ${entry.mapName} names the group ${entry.group}, which the file does not define: DW Helper then uses its defaults (target state Running, no initial sync), and so does this import`);
      else group = named;
    }
    usedGroups.add(group);
    intents.push({
      ref: found.map.ref,
      mapName: entry.mapName,
      line: entry.line,
      version: chooseTemplate(found.map, entry.authors, entry.version.kind === "exact" ? entry.version.number : undefined, where, entry.mapName, warnings),
      follow: entry.version.kind === "latest" ? followOf(entry.authors, where, entry.mapName, warnings) : undefined,
      state: group.targetState === "keep" ? undefined : group.targetState,
      initialSync: { enabled: group.initialSync, master: entry.master },
      keys: entry.keys,
    });
  }
  for (const group of usedGroups) {
    if (group.unsupported.length > 0) {
      warnings.push(
        `${file}:${group.line}: group ${group.name} sets ${group.unsupported.join(", ")}: dwctl has no such setting (a failed start stops the apply, and initialSync.rerun runs an initial sync again); not carried over`,
      );
    }
  }
  if (config.solutions.length > 0) {
    warnings.push(
      `${file}: DW Helper applies the solutions ${config.solutions.join(", ")} before each run; dwctl applies only the solutions it saves map versions into (dwctl_<publisher>). Apply those in the dual-write UI (Apply Solution) when their versions should be templates`,
    );
  }
  if (config.foEnvironment !== undefined) {
    const host = config.foEnvironment.replace(/^[a-z]+:\/\//i, "").replace(/[/:].*$/, "").toLowerCase();
    if (host !== financeAndOperationsHost.toLowerCase()) {
      warnings.push(`${file}: FOEnvironment is ${config.foEnvironment}, but the pair's finance and operations host is ${financeAndOperationsHost}: the file may have been written for another environment`);
    }
  }
  const seen = new Set<string>();
  const unique = intents.filter((intent) => {
    const key = mapKey(intent.ref);
    if (seen.has(key)) {
      warnings.push(`${file}:${intent.line}: ${intent.mapName} names a map already listed: the first entry is used`);
      return false;
    }
    seen.add(key);
    return true;
  });
  return { intents: unique, warnings };
}

/** The schema's limits of `version.follow` (schemas/table-map.schema.json, followedVersion). */
const PUBLISHER_NAME = /^[A-Za-z0-9_]{1,64}$/;
const MAX_FOLLOWED = 10;

/** DW Helper's authors as `version.follow`, each once; undefined (a pin is written) when the schema cannot hold them. */
function followOf(authors: readonly string[], where: string, name: string, warnings: string[]): string[] | undefined {
  if (authors.length === 0) return undefined;
  const unique = authors.filter((author, index) => authors.findIndex((other) => other.toLowerCase() === author.toLowerCase()) === index);
  const invalid = unique.filter((author) => !PUBLISHER_NAME.test(author));
  if (invalid.length > 0 || unique.length > MAX_FOLLOWED) {
    const why = invalid.length > 0 ? `${invalid.join(", ")} ${invalid.length === 1 ? "is no" : "are no"} publisher unique name (letters, digits and underscores)` : `more than ${MAX_FOLLOWED} authors`;
    warnings.push(`${where}: ${name} follows the latest version of ${authors.join(", ")}, but ${why}: the version it resolves to today is pinned instead`);
    return undefined;
  }
  return unique;
}

function chooseTemplate(map: LiveMap, authors: readonly string[], exact: string | undefined, where: string, name: string, warnings: string[]): DwHelperIntent["version"] {
  const active = map.definition.version;
  const choice = chooseVersion(map.templates, active, exact === undefined ? { publishers: authors } : { publishers: authors, exact });
  if (choice.kind === "none") {
    const asked = `${exact ?? "the latest version"}${authors.length === 0 ? "" : ` by ${authors.join(", ")}`}`;
    warnings.push(`${where}: ${name} asks for ${asked}, which the service does not list among its versions: DW Helper would find no template; the live version ${active.publisher} ${active.number} is kept`);
    return undefined;
  }
  if (choice.kind === "active") return { ...active };
  return { publisher: choice.template.publisher, number: choice.template.number };
}
