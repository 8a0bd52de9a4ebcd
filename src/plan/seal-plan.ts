import { canonicalSha256 } from "../model/fingerprint.js";
import type { Plan } from "./plan.js";

/**
 * The integrity hash of a plan: sha256 of the canonical JSON of everything in it but the hash
 * itself. A reviewer can quote it ("I approved 3f2a…"), and apply refuses a file that no longer
 * matches it. It is not a signature: anyone can compute it, so apply also re-derives the plan
 * from git and the live state and refuses unless it is the same, action by action.
 */
export function integrityOf(plan: Plan): string {
  const { integrity: _integrity, ...content } = plan;
  return canonicalSha256(content);
}

/** The plan with its integrity hash, as dwctl plan prints and saves it. */
export function sealPlan(plan: Plan): Plan {
  const { integrity: _integrity, ...content } = plan;
  return { ...content, integrity: integrityOf(plan) };
}

/** The first twelve characters, the form the text and Markdown reports print. */
export function shortIntegrity(plan: Plan): string {
  return (plan.integrity ?? integrityOf(plan)).slice(0, 12);
}
