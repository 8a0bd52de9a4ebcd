/**
 * The naming rule of maps/ (DW102, rules/file-name-matches.ts): a map is named after its label and
 * its Dataverse entity set in kebab case (`Customers V3` + `accounts` -> `customers-v3-accounts`),
 * the rule the starter estate and Microsoft's template corpus follow, and its file is `<name>.yaml`;
 * a key's file is `<table>.yaml`.
 */

const MAX_NAME = 100;

export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function clip(name: string): string {
  return name.slice(0, MAX_NAME).replace(/-+$/, "");
}

/** The name the rule gives a map: `<label>-<entity set>`, at most 100 characters. */
export function ruleName(label: string, entitySet: string): string {
  return clip([kebab(label), kebab(entitySet)].filter((part) => part !== "").join("-")) || "map";
}

/**
 * A free name for a map: the rule's, else (another map has it) suffixed with the entity as the
 * template corpus does, else numbered.
 */
export function freeName(base: string, entity: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const withEntity = clip(`${base}-${kebab(entity)}`);
  if (!taken.has(withEntity)) return withEntity;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const numbered = `${withEntity.slice(0, MAX_NAME - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(numbered)) return numbered;
  }
}

/** Whether a name is one the schema accepts for a map. */
export function validMapName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,99}$/.test(name);
}
