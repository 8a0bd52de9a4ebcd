import type { Finding, YamlPath } from "./diagnostic.js";
import { validatorFor, type ErrorObject, type Kind } from "./schemas.js";

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

export function dotPath(path: YamlPath): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "(document)" : out;
}

const directionWords = "=, ><, >, <, >>, << (quoted), or the words both, both-transform, to-dataverse, to-finops, to-dataverse-transform, to-finops-transform";

function describe(error: ErrorObject, path: YamlPath): { message: string; hint: string; path: YamlPath; atKey?: boolean } {
  const where = dotPath(path);
  const last = path[path.length - 1];
  switch (error.keyword) {
    case "additionalProperties": {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      return {
        message: `${dotPath([...path, extra])}: unknown property "${extra}"`,
        hint: "Remove it or fix its spelling; the schema lists the allowed properties (your editor autocompletes them through the $schema line).",
        path: [...path, extra],
        atKey: true,
      };
    }
    case "required": {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return { message: `${where}: missing required property "${missing}"`, hint: `Add "${missing}".`, path };
    }
    case "enum": {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      if (last === "map") {
        return {
          message: `${where}: not a map type`,
          hint: `Use one of ${directionWords}. In YAML, write the symbols in quotes: map: ">".`,
          path,
        };
      }
      return { message: `${where}: must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`, hint: "Use one of the listed values.", path };
    }
    case "const":
      return {
        message: `${where}: must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`,
        hint: "Each file holds one kind of document: TableMap, IntegrationKey, Environments or Moved.",
        path,
      };
    case "type":
      return { message: `${where}: must be ${String((error.params as { type: unknown }).type).replace(/,/g, " or ")}`, hint: "Change the value to the expected type; quote it to make it a string.", path };
    case "pattern":
      return { message: `${where}: ${patternMessage(path)}`, hint: patternHint(path), path };
    case "format":
      return {
        message: `${where}: must be a valid ${String((error.params as { format: string }).format)}`,
        hint: "Fix the value's format.",
        path,
      };
    case "uniqueItems":
      return { message: `${where}: items must be unique`, hint: "Remove the repeated item.", path };
    case "minItems":
    case "minProperties":
    case "minLength":
      return { message: `${where}: must not be empty`, hint: "Add a value or remove the property.", path };
    case "maxItems":
    case "maxProperties":
    case "maxLength":
      return { message: `${where}: ${error.message ?? "too long"}`, hint: "Shorten it; the limit follows the platform's limits.", path };
    default:
      return { message: `${where}: ${error.message ?? "is invalid"}`, hint: "Fix the value so that it matches the schema.", path };
  }
}

function patternMessage(path: YamlPath): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  // A moved entry's from and to are map names (schemas/moved.schema.json).
  if (last === "name" || parent === "dependsOn" || last === "from" || last === "to") return "must be lower-case letters, digits and dashes (for example customers-v3-accounts)";
  if (last === "number") return "must be a version major.minor.build.revision, for example 1.0.0.0";
  if (last === "dv") return "is not a Dataverse column or lookup path (column, relation.column, or relation.Type(column))";
  if (last === "fo" || last === "field") return "is not a finance and operations field name (letters, digits and underscores)";
  if (last === "table" || last === "entitySet" || last === "relatedTable") return "must be a Dataverse logical name (lower-case letters, digits and underscores)";
  if (parent === "columns") return "is not a key column (column or relation.column, lower-case logical names)";
  if (parent === "legalEntities") return "is not a legal entity code (1 to 8 letters or digits, for example USMF)";
  if (last === "schemaName") return "is not an alternate key schema name (publisher prefix, underscore, name: msdyn_accountnumber_company)";
  if (last === "clientSecretVariable" || last === "managementTokenVariable") return "is not an environment variable name (upper-case letters, digits and underscores)";
  if (last === "publisher" || parent === "follow") return "is not a publisher unique name (letters, digits and underscores)";
  if (last === "map") return "is not a map name or glob (lower-case letters, digits, dashes and *)";
  return "has an invalid format";
}

function patternHint(path: YamlPath): string {
  const last = path[path.length - 1];
  if (last === "dv") return "Write lookups the way the dual-write UI shows them, for example transactioncurrencyid.isocurrencycode.";
  if (last === "clientSecretVariable" || last === "managementTokenVariable") return "Name the variable (for example DWCTL_CLIENT_SECRET); never put the secret itself here.";
  if (path[path.length - 2] === "legalEntities") return "Use the company code as finance and operations shows it.";
  if (last === "table" || last === "entitySet") return "Use the logical name from the table's properties in Power Apps, not its display name.";
  if (last === "from" || last === "to") return "Write the map's name as its file names it: tablemaps/<name>.yaml holds `name: <name>`.";
  return "Change the value to match the expected format.";
}

/** The oneOf branch an error under a oneOf comes from: an inline branch's index, or the definition a branch refers to. */
function branchOf(error: ErrorObject, oneOf: ErrorObject): string {
  if (error.schemaPath.startsWith(`${oneOf.schemaPath}/`)) return `oneOf/${error.schemaPath.slice(oneOf.schemaPath.length + 1).split("/")[0] ?? ""}`;
  return /^#\/definitions\/[^/]+/.exec(error.schemaPath)?.[0] ?? error.schemaPath;
}

/**
 * A value that matches no branch of a oneOf (TableMap's version: a pin or a follow) fails every
 * branch, and Ajv reports them all. Only the branch the value comes closest to (fewest errors; the
 * first on a tie) is kept, without the bare "must match exactly one schema" line.
 */
function closestBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const oneOf of errors.filter((error) => error.keyword === "oneOf")) {
    const under = (error: ErrorObject): boolean => error !== oneOf && (error.instancePath === oneOf.instancePath || error.instancePath.startsWith(`${oneOf.instancePath}/`));
    const branches = new Map<string, ErrorObject[]>();
    for (const error of kept.filter(under)) branches.set(branchOf(error, oneOf), [...(branches.get(branchOf(error, oneOf)) ?? []), error]);
    // No branch errors: the value matched several branches; the oneOf line itself says so.
    if (branches.size === 0) continue;
    const closest = [...branches.values()].reduce((best, next) => (next.length < best.length ? next : best));
    kept = kept.filter((error) => error !== oneOf && (!under(error) || closest.includes(error)));
  }
  return kept;
}

const VERSION_HINT =
  "Pin a version: version: { publisher: contoso, number: 1.0.0.0 }; or follow the latest version of some publishers: version: { follow: [contoso] }.";

/** Checks a document against the schema for its kind. Keeps one finding per path and keyword. */
export function schemaCheck(kind: Kind, file: string, value: unknown): Finding[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const error of closestBranches(validate.errors ?? [])) {
    const described = describe(error, pointerToPath(error.instancePath));
    // The two shapes of a map's version, whatever is wrong in one of them.
    if (kind === "TableMap" && described.path[0] === "version") described.hint = `${described.hint} ${VERSION_HINT}`;
    const id = `${dotPath(described.path)}|${error.keyword}|${described.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const f: Finding = {
      code: "DW006",
      severity: "error",
      message: described.message,
      hint: described.hint,
      file,
      path: described.path,
    };
    if (described.atKey === true) f.atKey = true;
    findings.push(f);
  }
  return findings;
}
