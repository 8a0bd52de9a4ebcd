import type { LiveMapSource } from "../gateway.js";
import type { MapDefinition, MapRef } from "../../model/snapshot.js";
import { DualWriteProtocolError } from "../dualwrite/errors.js";
import type { DwMap } from "../dualwrite/parse.js";
import { fromMapRow } from "../mapping-json.js";
import { definitionFromProject } from "./snapshot.js";
import { rowInput, rowsOfMap } from "./rows.js";
import { findMap } from "./state.js";
import type { GatewayState } from "./state.js";

/** FieldMappings reads in flight at once: one GET per map, kept well under the service's limits (§9.15 unknown). */
const CONCURRENT_READS = 8;

/**
 * What `dwctl import` reads of each map beyond the snapshot, read-only (docs/live-api.md):
 * - `GET {pid}/FieldMappings` (dualwrite-service.md §5.3) for every initialised map: the project as
 *   the service runs it, with its project name;
 * - every saved version of the map, from the msdyn_dualwriteentitymap rows the snapshot listed
 *   (no further request): the active one, and parked ones a DW Helper file may pin.
 * Nothing else: no finance and operations table is read here, DualWriteProjectFieldConfiguration
 * (which can hold connection strings) least of all.
 */
export async function readMapSources(state: GatewayState, refs: readonly MapRef[]): Promise<LiveMapSource[]> {
  if (refs.length === 0) return [];
  const [maps, names, rows] = await Promise.all([state.maps(), state.tableNames(), state.mapRows(false)]);
  const out: LiveMapSource[] = new Array<LiveMapSource>(refs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < refs.length; index = next++) {
      const ref = refs[index];
      if (ref === undefined) continue;
      const map = findMap(maps, ref, names);
      const versions = rowsOfMap(rows, ref, names).flatMap(({ row, identity }) => {
        try {
          return [{ publisher: identity.publisher, number: identity.number, definition: fromMapRow(rowInput(row), (name) => names.table(name)) }];
        } catch {
          // A row that cannot be read is no version import can use; the snapshot reports it when it is the active one.
          return [];
        }
      });
      let project: LiveMapSource["project"];
      if (map !== undefined && map.pid !== null && map.template !== undefined) {
        const read = await state.clients.dualWrite.fieldMappings(map.pid);
        try {
          const definition: MapDefinition = definitionFromProject(map, map.template, read, names);
          project = { projectName: read.name, definition };
        } catch (error) {
          if (!(error instanceof DualWriteProtocolError)) throw error;
          project = { projectName: read.name, definition: undefined, problem: error.message };
        }
      }
      out[index] = { ref, project, versions };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, refs.length) }, worker));
  return out;
}

/** The service's name of each listed map (§3: `tName`, "<entity set> - <label>"), from the cached listing. */
export async function serviceNames(state: GatewayState): Promise<{ ref: MapRef; serviceName: string }[]> {
  // Read, and not linked: the service lists no maps for the pair.
  if (state.environment === null) return [];
  const [maps, names] = await Promise.all([state.maps(), state.tableNames()]);
  return maps.map((map) => ({ ref: { entity: map.entity, table: names.logicalName(map.entitySet) }, serviceName: serviceName(map) }));
}

function serviceName(map: DwMap): string {
  return map.tName ?? `${map.entitySet} - ${map.entityLabel ?? map.entity}`;
}
