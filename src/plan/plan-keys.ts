import { keyAttribute } from "../model/desired.js";
import type { PairDesired } from "../model/pair-view.js";
import type { Snapshot } from "../model/snapshot.js";
import { described } from "./describe-action.js";
import type { ActionBody, PlanWarning } from "./plan.js";

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** Alternate keys first (each waits until its index is active), then the integration keys built on them. */
export function planKeys(pairDesired: PairDesired, snapshot: Snapshot): { actions: ActionBody[]; warnings: PlanWarning[] } {
  const alternate: ActionBody[] = [];
  const integration: ActionBody[] = [];
  const warnings: PlanWarning[] = [];
  for (const key of [...pairDesired.keys].sort((a, b) => a.table.localeCompare(b.table))) {
    const attributes = [...new Set(key.columns.map(keyAttribute))];
    const live = snapshot.alternateKeys.find((k) => k.table === key.table && sameSet(k.attributes, attributes));
    if (live === undefined) {
      alternate.push(
        described({
          kind: "createAlternateKey",
          table: key.table,
          schemaName: key.alternateKey.schemaName,
          displayName: key.alternateKey.displayName,
          attributes,
        }),
      );
    } else if (live.status === "failed") {
      alternate.push(described({ kind: "reactivateAlternateKey", table: key.table, schemaName: live.schemaName }));
    } else if (live.status !== "active") {
      warnings.push({
        code: "key-index-building",
        map: null,
        message: `the index of alternate key ${live.schemaName} on ${key.table} is still building (${live.status}); maps on ${key.table} cannot sync until it is active`,
      });
    }
    const current = snapshot.integrationKeys.find((k) => k.table === key.table);
    if (current === undefined || current.columns.join(",") !== key.columns.join(",")) {
      integration.push(
        described({
          kind: "setIntegrationKey",
          table: key.table,
          columns: [...key.columns],
          from: current === undefined ? null : [...current.columns],
        }),
      );
    }
  }
  return { actions: [...alternate, ...integration], warnings };
}
