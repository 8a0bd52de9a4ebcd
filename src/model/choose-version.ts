/**
 * The choice of a map's version among the templates the dual-write service lists
 * (`detail.templates[]`). It is Microsoft's DW Helper's policy, not the service's
 * (dualwrite-service.md §5.2, Dual-write-automations DWLibary/Engines/DWMapEngine.cs:2005-2062):
 * - keep the templates of the named authors (publishers), all of them when none is named;
 * - keep only the exact version, when one is asked for;
 * - take the highest version, then the author, then the id (ordinal, ascending);
 * - when that winner has the same version and author as the active template, keep the active one.
 * Publishers are compared without regard to case; dwctl's import and plan share this one function.
 */

export interface VersionCandidate {
  id: string;
  publisher: string;
  number: string;
}

export interface VersionPolicy {
  /** The authors whose templates count; empty means any author (DW Helper's `Any`). */
  publishers: readonly string[];
  /** Only this version (major.minor.build.revision), when given. */
  exact?: string;
}

export type VersionChoice<T extends VersionCandidate> =
  /** The active template already is the policy's choice (same version and author): nothing to switch. */
  | { kind: "active"; template: T }
  /** Another template wins: switch to it. */
  | { kind: "switch"; template: T }
  /** No template of these authors (and version): the policy finds none. */
  | { kind: "none" };

function parts(number: string): number[] {
  return number.split(".").map(Number);
}

/** Compares two versions as major.minor.build.revision numbers (a missing part counts as 0). */
export function compareVersionNumbers(a: string, b: string): number {
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.max(4, left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return 0;
}

export function sameVersionNumber(a: string, b: string): boolean {
  return compareVersionNumbers(a, b) === 0;
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The templates the policy accepts, best first. */
export function rankVersions<T extends VersionCandidate>(templates: readonly T[], policy: VersionPolicy): T[] {
  const wanted = new Set(policy.publishers.map((publisher) => publisher.toLowerCase()));
  const exact = policy.exact;
  return templates
    .filter((template) => wanted.size === 0 || wanted.has(template.publisher.toLowerCase()))
    .filter((template) => exact === undefined || sameVersionNumber(template.number, exact))
    .sort((a, b) => compareVersionNumbers(b.number, a.number) || ordinal(a.publisher, b.publisher) || ordinal(a.id, b.id));
}

/**
 * The version the policy chooses. `active` is the map's active version (its template's author and
 * version); undefined for a map the service does not list.
 */
export function chooseVersion<T extends VersionCandidate>(
  templates: readonly T[],
  active: { publisher: string; number: string } | undefined,
  policy: VersionPolicy,
): VersionChoice<T> {
  const winner = rankVersions(templates, policy)[0];
  if (winner === undefined) return { kind: "none" };
  if (active !== undefined && sameVersionNumber(winner.number, active.number) && winner.publisher.toLowerCase() === active.publisher.toLowerCase()) {
    return { kind: "active", template: winner };
  }
  return { kind: "switch", template: winner };
}

/**
 * The way out when a version would be saved over another publisher's: a row that names no publisher
 * holds that number and the service lists it as `owner`'s template (README, "Versions"). One text for
 * plan's blocker (versionOfAnotherPublisher) and apply's last check (live/gateway/definitions.ts).
 */
export function anotherPublishersVersionHint(owner: string): string {
  return `pin a version number of your own that ${owner} does not use (version.number), or pin ${owner}'s version as it is (version.publisher: ${owner})`;
}
