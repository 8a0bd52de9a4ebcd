import { expect } from "vitest";
import type { Diagnostic } from "../../src/config/diagnostic.js";
import { baseEstate, brief, validate } from "../helpers/estate.js";

/** The base estate with several text replacements applied in order (each must match). */
export function edits(...changes: readonly (readonly [path: string, from: string, to: string])[]): Record<string, string> {
  const files = baseEstate();
  for (const [path, from, to] of changes) {
    const text = files[path];
    if (text === undefined || !text.includes(from)) throw new Error(`fixture ${path} does not contain ${from}`);
    files[path] = text.replace(from, to);
  }
  return files;
}

/**
 * Validates the files, asserts that exactly the listed diagnostics (as `file:line:column CODE`)
 * are reported, and returns them.
 */
export function expectDiagnostics(files: Record<string, string>, expected: readonly string[]): Diagnostic[] {
  const diagnostics = validate(files);
  expect(diagnostics.map(brief)).toEqual(expected);
  return diagnostics;
}

/** Ids used in the auth settings of real pairs (not secrets). */
export const tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const clientId = "0b6b3a8e-5b1e-4a57-9d3c-1f2e3d4c5b6a";

/** The dual-write management service URL every real (non-sandbox) pair needs. */
export const dualWrite = 'dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" }';

/**
 * The base estate with maps/environments.yaml replaced, and the customers map's override for
 * the base estate's stage pair removed (so that a replacement without stage stays clean).
 */
export function withEnvironments(text: string): Record<string, string> {
  return { ...edits(["maps/tablemaps/customers.yaml", "environments:\n  stage: { state: paused }\n", ""]), "maps/environments.yaml": text };
}

/** An environments file with one real pair, prod; `auth` is its auth block (lines indented by four spaces), or "". */
export function prodPair(auth: string): Record<string, string> {
  return withEnvironments(`kind: Environments
pairs:
  - name: prod
    financeAndOperations: { url: "https://contoso.operations.dynamics.com" }
    dataverse: { url: "https://contoso.crm.dynamics.com" }
    legalEntities: [USMF]
${auth}    ${dualWrite}
`);
}
