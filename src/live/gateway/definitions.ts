import type { MapDefinition, MapRef } from "../../model/snapshot.js";
import { isHttpStatus } from "../dataverse/odata.js";
import { GatewayRefusedError } from "../gateway.js";
import { PreconditionFailedError } from "../http/index.js";
import { toMapRow } from "../mapping-json.js";
import { addRow, compareVersions, describe, removeRow, rewriteRow, rowsOfMap, sameVersion } from "./rows.js";
import { findMap, type GatewayState } from "./state.js";

/** Saves a map version as a msdyn_dualwriteentitymap row inside the unmanaged solution, created when missing. */
export async function saveMapDefinition(state: GatewayState, definition: MapDefinition, solution: string): Promise<{ versionId: string }> {
  const fields = toMapRow(definition);
  const ref = { entity: definition.financeAndOperations.entity, table: definition.dataverse.table };
  const names = await state.tableNames();
  for (let attempt = 1; ; attempt++) {
    const rows = await state.mapRows(attempt > 1);
    const existing = rowsOfMap(rows, ref, names).find(({ identity }) => sameVersion(identity, definition.version))?.row;
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

/** SwitchActive (§5.7) to the template of that publisher (its `author`, [inferred]) and version. */
export async function activateMapVersion(state: GatewayState, ref: MapRef, version: { publisher: string; number: string }): Promise<void> {
  const { cid, map } = await state.serviceMap(ref);
  const template = map.templates.find((entry) => entry.author.toLowerCase() === version.publisher.toLowerCase() && compareVersions(entry.version, version.number) === 0);
  if (template === undefined) {
    throw new GatewayRefusedError(
      `version ${version.publisher} ${version.number} of ${describe(ref)} is not a template of the dual-write service: apply its solution first`,
      "save the version into a solution and apply that solution (Apply Solution), then activate it",
      undefined,
    );
  }
  if (map.template?.id === template.id) return;
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
