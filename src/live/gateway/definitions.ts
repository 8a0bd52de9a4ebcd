import type { MapDefinition, MapRef } from "../../model/snapshot.js";
import { isHttpStatus } from "../dataverse/odata.js";
import { GatewayRefusedError } from "../gateway.js";
import { PreconditionFailedError } from "../http/index.js";
import { toMapRow } from "../mapping-json.js";
import { anotherPublishersVersionHint, rankVersions } from "../../model/choose-version.js";
import type { DwTemplate } from "../dualwrite/parse.js";
import { addRow, compareVersions, describe, removeRow, rewriteRow, rowsOfMap, sameVersion } from "./rows.js";
import { findMap, type GatewayState } from "./state.js";
import type { MapRow } from "../dataverse/dataverse-client.js";
import type { MapRowIdentity } from "../mapping-json.js";
import type { TableNames } from "./rows.js";

/** Saves a map version as a msdyn_dualwriteentitymap row inside the unmanaged solution, created when missing. */
export async function saveMapDefinition(state: GatewayState, definition: MapDefinition, solution: string): Promise<{ versionId: string }> {
  const fields = toMapRow(definition);
  const ref = { entity: definition.financeAndOperations.entity, table: definition.dataverse.table };
  const names = await state.tableNames();
  for (let attempt = 1; ; attempt++) {
    const rows = await state.mapRows(attempt > 1);
    const existing = await ownRow(state, rowsOfMap(rows, ref, names), definition, names);
    if (existing === undefined) {
      await ensureSolution(state, solution, definition.version.publisher);
      const created = await state.clients.dataverse.createMapRow(fields, solution);
      addRow(rows, created);
      return { versionId: created.id };
    }
    if (existing.etag === undefined && attempt === 1) continue;
    try {
      await state.clients.dataverse.updateMapRow(existing.id, fields, existing.etag ?? "*");
    } catch (error) {
      if (error instanceof PreconditionFailedError && attempt === 1) continue;
      if (error instanceof PreconditionFailedError) {
        throw new GatewayRefusedError(
          `map version ${definition.version.number} of ${definition.financeAndOperations.entity} changed while it was saved`,
          "someone else edits this map: run plan again",
          error.requestId,
        );
      }
      throw error;
    }
    rewriteRow(rows, existing, { name: fields.msdyn_name, mapping: fields.msdyn_mapping, properties: fields.msdyn_properties, version: fields.msdyn_version, etag: undefined });
    return { versionId: existing.id };
  }
}

/**
 * The row a save of this version overwrites: the one that names its publisher, else one that names
 * none (a row dwctl did not write) unless the service's template of that number is another
 * publisher's. Never another publisher's version (README, "Versions"): that fails closed, since
 * whether Dataverse takes a second row of the same map and version is not known. Plan blocks such a
 * save from its snapshot first (versionOfAnotherPublisher, plan-version.ts); this is the last check,
 * for a row or template that appeared after the plan was made.
 */
async function ownRow(state: GatewayState, related: readonly { row: MapRow; identity: MapRowIdentity }[], definition: MapDefinition, names: TableNames): Promise<MapRow | undefined> {
  const same = related.filter(({ identity }) => sameVersion(identity, definition.version));
  const named = same.find(({ identity }) => identity.publisher !== undefined);
  if (named !== undefined) return named.row;
  const unnamed = same[0];
  if (unnamed === undefined) return undefined;
  const { publisher, number } = definition.version;
  const ref = { entity: definition.financeAndOperations.entity, table: definition.dataverse.table };
  const templates = (findMap(await state.maps(), ref, names)?.templates ?? []).filter((template) => compareVersions(template.version, number) === 0);
  const owner = templates.find((template) => template.author.toLowerCase() !== publisher.toLowerCase());
  if (owner !== undefined && !templates.some((template) => template.author.toLowerCase() === publisher.toLowerCase())) {
    throw new GatewayRefusedError(
      `version ${number} of ${describe(ref)} is saved in a row that names no publisher, and the dual-write service lists it as ${owner.author}'s: dwctl does not overwrite another publisher's version with ${publisher}'s`,
      anotherPublishersVersionHint(owner.author),
      undefined,
    );
  }
  return unnamed.row;
}

/** The unmanaged solution exists afterwards; created for the publisher when missing. Known solutions are not asked again. */
function ensureSolution(state: GatewayState, solution: string, publisher: string): Promise<void> {
  let known = state.solutions.get(solution);
  if (known === undefined) {
    known = createSolutionIfMissing(state, solution, publisher);
    state.solutions.set(solution, known);
    known.catch(() => state.solutions.delete(solution));
  }
  return known;
}

async function createSolutionIfMissing(state: GatewayState, solution: string, publisher: string): Promise<void> {
  const { dataverse } = state.clients;
  if ((await dataverse.findSolution(solution)) !== undefined) return;
  const publisherId = await dataverse.findPublisher(publisher);
  if (publisherId === undefined) {
    throw new GatewayRefusedError(
      `the solution ${solution} does not exist and cannot be created: Dataverse has no publisher ${publisher}`,
      `create the publisher ${publisher} in Dataverse (Power Apps, Solutions, Publishers), or change version.publisher of the map to an existing publisher's unique name`,
      undefined,
    );
  }
  await dataverse.createSolution(solution, publisherId);
}

/** Apply Solution (dualwrite-service.md §5.6); afterwards the service's map list is stale. */
export async function applySolution(state: GatewayState, solution: string): Promise<void> {
  const environment = await state.requireEnvironment();
  try {
    await state.clients.dualWrite.applySolution(environment.cid, solution);
  } finally {
    state.invalidateMaps();
  }
}

/**
 * SwitchActive (§5.7) to the template of that publisher (its `author`, [inferred]) and version.
 * Nothing is sent when the active template is of that author and version; among several such
 * templates the first by id is taken, as DW Helper's policy orders them (§5.2, choose-version.ts).
 */
export async function activateMapVersion(state: GatewayState, ref: MapRef, version: { publisher: string; number: string }): Promise<void> {
  const { cid, map } = await state.serviceMap(ref);
  const matches = (entry: DwTemplate): boolean => entry.author.toLowerCase() === version.publisher.toLowerCase() && compareVersions(entry.version, version.number) === 0;
  if (map.template !== undefined && matches(map.template)) return;
  const ranked = rankVersions(
    map.templates.filter(matches).map((entry) => ({ id: entry.id, publisher: entry.author, number: entry.version })),
    { publishers: [version.publisher], exact: version.number },
  );
  const template = ranked[0];
  if (template === undefined) {
    throw new GatewayRefusedError(
      `version ${version.publisher} ${version.number} of ${describe(ref)} is not a template of the dual-write service: apply its solution first`,
      "save the version into a solution and apply that solution (Apply Solution), then activate it",
      undefined,
    );
  }
  if (map.pid === null) {
    throw new GatewayRefusedError(
      `${describe(ref)} is not initialised, so its version cannot be switched`,
      "initialise the map first (it then has a project), then activate the version",
      undefined,
    );
  }
  try {
    await state.clients.dualWrite.switchActive(cid, template.id, map.pid);
  } finally {
    // DW Helper re-reads Entities after a switch to pick up the new detail.template (§5.7, DWMapEngine.cs:1974).
    state.invalidateMaps();
  }
}

/** Deletes every Dataverse row of a map. */
/**
 * Deletes a map's versions from Dataverse (documented Web API). No call is known that removes a map
 * from the dual-write service itself (dualwrite-service.md lists none), so when the service still
 * lists the map afterwards this fails closed and says what a person has to do.
 */
export async function deleteMap(state: GatewayState, ref: MapRef): Promise<void> {
  const names = await state.tableNames();
  const rows = await state.mapRows(false);
  for (const { row } of rowsOfMap(rows, ref, names)) {
    try {
      await state.clients.dataverse.deleteMapRow(row.id);
    } catch (error) {
      if (!isHttpStatus(error, 404)) throw error;
    }
    removeRow(rows, row);
  }
  state.invalidateMaps();
  if (findMap(await state.maps(), ref, names) !== undefined) {
    throw new GatewayRefusedError(
      `the versions of ${describe(ref)} were deleted from Dataverse, but the dual-write service still lists the map`,
      "no API is known that removes a table map from the dual-write service: delete it in the finance and operations dual-write page (the map is stopped), then plan again",
      undefined,
    );
  }
}
