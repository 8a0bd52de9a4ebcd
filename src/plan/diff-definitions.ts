import { createTwoFilesPatch } from "diff";
import { Document, isMap, isScalar, isSeq, Scalar } from "yaml";
import type { MapDefinition } from "../model/snapshot.js";
import { normaliseDefinition } from "./normalise-definition.js";

/** The YAML a reviewer compares: normalised, one field row a line, direction symbols quoted as in maps/. */
export function definitionYaml(definition: MapDefinition): string {
  const { financeAndOperations, dataverse, version, filters, fields, alerts } = normaliseDefinition(definition);
  const shown = {
    financeAndOperations,
    dataverse,
    version,
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    fields,
    ...(alerts.length > 0 ? { alerts } : {}),
  };
  const doc = new Document(shown);
  for (const list of [doc.get("fields", true), doc.get("alerts", true)]) {
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      item.flow = true;
      const symbol = item.get("map", true);
      if (isScalar(symbol)) symbol.type = Scalar.QUOTE_DOUBLE;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** Unified diff of the live active definition (absent for a new map) and the one to save. */
export function diffDefinitions(name: string, live: MapDefinition | undefined, next: MapDefinition): string {
  const before = live === undefined ? "" : definitionYaml(live);
  const patch = createTwoFilesPatch(`live/${name}`, `desired/${name}`, before, definitionYaml(next), undefined, undefined, { context: 3 });
  return patch.replace(/^=+\n/, "");
}
