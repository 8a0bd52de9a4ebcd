import { createHash } from "node:crypto";

/** A GUID derived from text, so the same map or connection gets the same id in every run. */
export function stableGuid(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The connection set id of a finance and operations environment: tied to the environment, not to its database. */
export function cidFor(environment: string): string {
  return stableGuid(`dwctl-sandbox-connection-set|${environment}`);
}

export function pidFor(entity: string, table: string): string {
  return stableGuid(`dwctl-sandbox-project|${entity.toLowerCase()}|${table.toLowerCase()}`);
}
