import type { Side } from "../../model/desired.js";
import { parseXml, XmlSyntaxError } from "./xml.js";
import type { XmlElement } from "./xml.js";

/**
 * The configuration file of Microsoft's DW Helper (github microsoft/Dual-write-automations, the
 * `DualWriteHelper/App.config` it ships and the `.config` files its export mode writes), read into
 * plain data. Its format, from DW Helper's own parsing code:
 * - `<configuration><DWSettings>` (DWLibary/DWSettings.cs) holds the collections `<Solutions>`
 *   (`<Solution name>`), `<Groups>` (`<Group>`), `<MapConfigs>` (`<Map>`) and `<ADOWikiParameters>`;
 *   .NET configuration collections also take `<clear/>` and `<remove …/>` (AddItemName, ClearItemsName,
 *   RemoveItemName there);
 * - `<Map mapName version authors keys group master>` (DWLibary/Struct/MapConfig.cs): `mapName` is the
 *   service's map name `<entity set> - <label>` (`detail.tName`, matched exactly); `version` is `latest`
 *   or major.minor.build.revision; `authors` is `Any` or a comma list; `keys` a comma list of integration
 *   key columns (spaces removed); `group` names a `<Group>`; `master` is `CE` (Dataverse) or `FO`;
 * - `<Group name initialSync targetState exceptionHandling retry wikiUpload>` (DWLibary/Struct/Groups.cs):
 *   `targetState` is a DWEnums.MapStatus name (`Running`, `Stopped`, `Keep`); a map whose group is
 *   missing gets a Group() with its constructor's defaults (Running, no initial sync);
 * - `<appSettings><add key="FOEnvironment" value>`: the F&O host DW Helper runs against.
 * Only these are read. Nothing else in the file is kept or echoed: `appSettings` and
 * `ADOWikiParameters` can hold an MFA secret key and an Azure DevOps access token.
 */

export interface DwHelperMap {
  mapName: string;
  /** `latest`, or an exact four-part version. */
  version: { kind: "latest"; written: string } | { kind: "exact"; number: string };
  /** Empty: any author (`Any`). */
  authors: string[];
  keys: string[];
  group: string;
  master: Side;
  line: number;
}

export type TargetState = "running" | "stopped" | "keep";

export interface DwHelperGroup {
  name: string;
  initialSync: boolean;
  targetState: TargetState;
  line: number;
  /** Settings dwctl has no equivalent for, as written (exceptionHandling, retry). */
  unsupported: string[];
}

export interface DwHelperConfig {
  maps: DwHelperMap[];
  groups: DwHelperGroup[];
  solutions: string[];
  foEnvironment: string | undefined;
  /** Problems found while reading, each with its line: entries skipped or read with a default. */
  warnings: string[];
}

/** A file that is not a DW Helper configuration at all. */
export class DwHelperConfigError extends Error {
  override name = "DwHelperConfigError";
}

export const MAX_CONFIG_BYTES = 1024 * 1024;

const MAP_ATTRIBUTES = new Set(["mapName", "version", "authors", "keys", "group", "master"]);
const GROUP_ATTRIBUTES = new Set(["name", "initialSync", "targetState", "exceptionHandling", "retry", "wikiUpload"]);
/** DWLibary/DWEnums.cs MapStatus: the names a targetState may take; only these three mean something to DW Helper's deployment. */
const TARGET_STATES: Record<string, TargetState> = { running: "running", stopped: "stopped", keep: "keep" };
const OTHER_STATES = new Set(["none", "initialsync", "paused", "notrunning", "all"]);

export function readDwHelperConfig(text: string, file: string): DwHelperConfig {
  if (Buffer.byteLength(text, "utf8") > MAX_CONFIG_BYTES) throw new DwHelperConfigError(`${file} is larger than 1 MiB: not a DW Helper configuration`);
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new DwHelperConfigError(`${file} is not well-formed XML (${error.message})`);
    throw error;
  }
  if (root.name !== "configuration") throw new DwHelperConfigError(`${file} has the root element <${root.name}>, not <configuration>: not a .NET configuration file`);
  const settings = root.children.find((child) => child.name === "DWSettings");
  if (settings === undefined) throw new DwHelperConfigError(`${file} has no <DWSettings> section: not a DW Helper configuration`);
  const warnings: string[] = [];
  const at = (element: XmlElement): string => `${file}:${element.line}`;

  const solutions = collection(settings, "Solutions", "Solution", "name", warnings, at).map((element) => element.attributes.get("name") ?? "");

  const groups: DwHelperGroup[] = [];
  for (const element of collection(settings, "Groups", "Group", "name", warnings, at)) {
    unknownAttributes(element, GROUP_ATTRIBUTES, warnings, at);
    const name = element.attributes.get("name") ?? "";
    const targetRaw = element.attributes.get("targetState");
    let targetState: TargetState = "keep";
    if (targetRaw === undefined) warnings.push(`${at(element)}: group ${name} has no targetState: DW Helper requires one; read as Keep`);
    else {
      const known = TARGET_STATES[targetRaw.toLowerCase()];
      if (known !== undefined) targetState = known;
      else if (OTHER_STATES.has(targetRaw.toLowerCase())) warnings.push(`${at(element)}: group ${name} has targetState ${targetRaw}, which DW Helper does not deploy to (it knows Running, Stopped and Keep): read as Keep, the live state`);
      else warnings.push(`${at(element)}: group ${name} has an unknown targetState ${targetRaw}: read as Keep, the live state`);
    }
    const unsupported: string[] = [];
    for (const setting of ["exceptionHandling", "retry"]) {
      const value = element.attributes.get(setting);
      if (value !== undefined) unsupported.push(`${setting}=${value}`);
    }
    groups.push({ name, initialSync: bool(element, "initialSync", false, warnings, at), targetState, line: element.line, unsupported });
  }

  const maps: DwHelperMap[] = [];
  for (const element of collection(settings, "MapConfigs", "Map", "mapName", warnings, at)) {
    unknownAttributes(element, MAP_ATTRIBUTES, warnings, at);
    const mapName = element.attributes.get("mapName") ?? "";
    if (mapName === "") {
      warnings.push(`${at(element)}: a <Map> without mapName: skipped`);
      continue;
    }
    const written = (element.attributes.get("version") ?? "").trim();
    const exact = /^\d+\.\d+\.\d+\.\d+$/.test(written) ? written.split(".").map(Number) : undefined;
    let version: DwHelperMap["version"] = { kind: "latest", written };
    if (exact !== undefined && (exact[0] ?? 0) !== 0) version = { kind: "exact", number: exact.join(".") };
    else if (exact !== undefined) warnings.push(`${at(element)}: ${mapName} asks for version ${written}: DW Helper filters on a version only when its major part is not 0, so it deploys the latest; so does this import`);
    else if (written.toLowerCase() !== "latest") {
      warnings.push(`${at(element)}: ${mapName} has version "${written}", which is neither latest nor major.minor.build.revision: DW Helper applies the latest then, and so does this import`);
    }
    const authors = list(element.attributes.get("authors"), false);
    const masterRaw = (element.attributes.get("master") ?? "CE").toUpperCase();
    let master: Side = "dataverse";
    if (masterRaw === "FO" || masterRaw === "AX") master = "financeAndOperations";
    else if (masterRaw !== "CE" && masterRaw !== "CRM") warnings.push(`${at(element)}: ${mapName} has master ${element.attributes.get("master") ?? ""}: DW Helper knows CE and FO; read as CE (Dataverse)`);
    maps.push({
      mapName,
      version,
      authors: authors.some((author) => author.toLowerCase() === "any") ? [] : authors,
      keys: list(element.attributes.get("keys"), true),
      group: element.attributes.get("group") ?? "",
      master,
      line: element.line,
    });
  }

  const foEnvironment = root.children
    .filter((child) => child.name === "appSettings")
    .flatMap((section) => section.children)
    .find((entry) => entry.name === "add" && entry.attributes.get("key") === "FOEnvironment")
    ?.attributes.get("value");
  return { maps, groups, solutions, foEnvironment: foEnvironment === undefined || foEnvironment.trim() === "" ? undefined : foEnvironment.trim(), warnings };
}

/**
 * The items of a .NET configuration collection, with `<clear/>` and `<remove key=…/>` applied as
 * .NET applies them. A second item with the same key is refused by .NET ("The entry has already
 * been added"): the first is kept, with a warning.
 */
function collection(settings: XmlElement, section: string, item: string, key: string, warnings: string[], at: (element: XmlElement) => string): XmlElement[] {
  const items: XmlElement[] = [];
  for (const container of settings.children.filter((child) => child.name === section)) {
    for (const element of container.children) {
      if (element.name === "clear") items.length = 0;
      else if (element.name === "remove") {
        const removed = element.attributes.get(key);
        const index = items.findIndex((candidate) => candidate.attributes.get(key) === removed);
        if (index >= 0) items.splice(index, 1);
      } else if (element.name === item) {
        const value = element.attributes.get(key) ?? "";
        if (items.some((candidate) => candidate.attributes.get(key) === value)) {
          warnings.push(`${at(element)}: a second <${item} ${key}="${value}">: DW Helper refuses a duplicate entry; the first one is used`);
        } else items.push(element);
      } else warnings.push(`${at(element)}: <${element.name}> in <${section}> is not a DW Helper setting: skipped`);
    }
  }
  return items;
}

function unknownAttributes(element: XmlElement, known: ReadonlySet<string>, warnings: string[], at: (element: XmlElement) => string): void {
  for (const name of element.attributes.keys()) {
    if (!known.has(name)) warnings.push(`${at(element)}: <${element.name}> has the attribute ${name}, which DW Helper does not know (it refuses the file): ignored`);
  }
}

function bool(element: XmlElement, name: string, fallback: boolean, warnings: string[], at: (element: XmlElement) => string): boolean {
  const raw = element.attributes.get(name);
  if (raw === undefined) return fallback;
  if (raw.trim().toLowerCase() === "true") return true;
  if (raw.trim().toLowerCase() === "false") return false;
  warnings.push(`${at(element)}: ${name}="${raw}" is not true or false: read as ${String(fallback)}`);
  return fallback;
}

/** A comma list as MapConfig.initSettings splits it: trimmed, empty entries dropped; keys also lose inner spaces. */
function list(raw: string | undefined, keys: boolean): string[] {
  if (raw === undefined) return [];
  return raw
    .split(",")
    .map((entry) => (keys ? entry.replace(/ /g, "") : entry).trim())
    .filter((entry) => entry !== "");
}
