import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Who a Dataverse environment is. Kept outside the copied databases on purpose: copying PROD's
 * Dataverse database over STAGE's does not make STAGE answer WhoAmI with PROD's organization.
 */
export interface DataverseIdentity {
  organizationId: string;
  userId: string;
  businessUnitId: string;
}

const FILE = "identities.json";

export function loadIdentities(dataDir: string, names: readonly string[], regenerate: boolean): Map<string, DataverseIdentity> {
  const path = join(dataDir, FILE);
  const stored = !regenerate && existsSync(path) ? parseIdentities(readFileSync(path, "utf8")) : {};
  const result = new Map<string, DataverseIdentity>();
  let changed = regenerate;
  for (const name of names) {
    let identity = stored[name];
    if (identity === undefined) {
      identity = { organizationId: randomUUID(), userId: randomUUID(), businessUnitId: randomUUID() };
      changed = true;
    }
    result.set(name, identity);
  }
  if (changed) writeFileSync(path, `${JSON.stringify({ ...stored, ...Object.fromEntries(result) }, null, 2)}\n`);
  return result;
}

function parseIdentities(text: string): Record<string, DataverseIdentity | undefined> {
  const value: unknown = JSON.parse(text);
  const out: Record<string, DataverseIdentity | undefined> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== "object" || entry === null) continue;
    const organizationId: unknown = Reflect.get(entry, "organizationId");
    const userId: unknown = Reflect.get(entry, "userId");
    const businessUnitId: unknown = Reflect.get(entry, "businessUnitId");
    if (typeof organizationId === "string" && typeof userId === "string" && typeof businessUnitId === "string") {
      out[name] = { organizationId, userId, businessUnitId };
    }
  }
  return out;
}
