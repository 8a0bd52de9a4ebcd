import { anotherPublishersVersionHint, chooseVersion, sameVersionNumber } from "../model/choose-version.js";
import { toMapDefinition } from "../model/definition.js";
import type { MapVersion } from "../model/desired.js";
import type { PairMap } from "../model/pair-view.js";
import type { LiveMap, MapDefinition } from "../model/snapshot.js";
import { countChanges } from "./count-changes.js";
import { changePhrases, mapTitle } from "./describe-action.js";
import { effectiveDefinition, type Ignored } from "./match-ignore-rules.js";
import { sameDefinition } from "./normalise-definition.js";
import type { Blocker, PlanWarning } from "./plan.js";

/**
 * What a map's `version: { follow: [...] }` resolves to against the live templates, with the
 * blockers and warnings of that choice. A followed map is never saved: its versions belong to
 * their publisher's solution (README, "Versions").
 */
export type FollowedVersion =
  | {
      kind: "resolved";
      /** The version active once the plan ran: the policy's choice (choose-version.ts). */
      version: MapVersion;
      /** That version's definition when the snapshot has it (the active one's always), for the comparison with git. */
      definition: MapDefinition | undefined;
      warnings: PlanWarning[];
    }
  | { kind: "blocked"; blockers: Blocker[] };

export function versionText(version: MapVersion): string {
  return `${version.publisher} ${version.number}`;
}

function publishersText(publishers: readonly string[]): string {
  if (publishers.length <= 1) return publishers.join("");
  return `${publishers.slice(0, -1).join(", ")} or ${publishers[publishers.length - 1] ?? ""}`;
}

const APPLY_OR_PIN =
  "Apply the publisher's solution that ships the map (Apply Solution on the dual-write page, or the solution's own deployment), or pin a version of your own publisher instead (version: { publisher: <your publisher>, number: <version> }), then plan again.";

/**
 * The version the policy follows for one map. Fails closed: no live map, or no template by the
 * named publishers, blocks the plan (dwctl would otherwise have to save a version under someone
 * else's publisher). When the pair's ignore rules leave the version alone, the active one stays.
 */
export function followVersion(pairMap: PairMap, live: LiveMap | undefined, ignored: Ignored, pair: string): FollowedVersion {
  const { map } = pairMap;
  if (map.version.kind !== "follow") throw new Error(`${map.name} pins its version`);
  const publishers = map.version.publishers;
  const title = mapTitle(toMapDefinition(map));
  const follows = `${map.file}: ${map.name} follows the latest version by ${publishersText(publishers)}`;
  if (live === undefined) {
    return {
      kind: "blocked",
      blockers: [
        {
          kind: "followedMapMissing",
          path: [map.name],
          message: `${follows}, but ${title} does not exist in the dual-write service of this pair yet. A followed map is never saved (dwctl would have to save a version under someone else's publisher). ${APPLY_OR_PIN}`,
        },
      ],
    };
  }
  if (ignored.version) return { kind: "resolved", version: { ...live.definition.version }, definition: live.definition, warnings: [] };
  const choice = chooseVersion(live.templates, live.definition.version, { publishers });
  if (choice.kind === "none") {
    const listed = live.templates.map(versionText);
    return {
      kind: "blocked",
      blockers: [
        {
          kind: "followedVersionMissing",
          path: [map.name],
          message: `${follows}, but the dual-write service lists no version of ${title} by ${publishers.length === 1 ? "that publisher" : "those publishers"} (it lists ${listed.length === 0 ? "none" : listed.join(", ")}). ${APPLY_OR_PIN}`,
        },
      ],
    };
  }
  const version = { publisher: choice.template.publisher, number: choice.template.number };
  const definition = choice.kind === "active" ? live.definition : choice.template.definition;
  return { kind: "resolved", version, definition, warnings: differs(pairMap, version, definition, ignored, choice.kind === "active", pair) };
}

/**
 * git's definition against the followed version's: a followed map is not saved, so a difference is
 * only said, with the two ways out. Nothing is said when the version's definition is not known
 * (a template without a readable row): the next plan, with it active, compares.
 */
function differs(pairMap: PairMap, version: MapVersion, definition: MapDefinition | undefined, ignored: Ignored, active: boolean, pair: string): PlanWarning[] {
  if (definition === undefined) return [];
  const { map } = pairMap;
  const git = effectiveDefinition(toMapDefinition(map, version), definition, ignored);
  if (sameDefinition(git, definition)) return [];
  const phrases = changePhrases(countChanges(definition, git));
  const what = phrases.length === 0 ? "its definition differs from git's" : `git's definition differs from it: ${phrases.join(", ")}`;
  return [
    {
      code: "followed-definition-differs",
      map: map.name,
      message: `${map.name} follows ${versionText(version)}, which ${active ? "is" : "becomes"} active, and ${what}. dwctl does not save a followed map, so this difference stays live. Run dwctl import --env ${pair} --maps ${map.name} to take the publisher's definition into git, or pin a version of your own publisher to save git's.`,
    },
  ];
}

/**
 * For a pinned version that is not the active one: the service's template of that version, when
 * it holds exactly git's definition. Switching to it needs no save (and no Apply Solution). A
 * template whose definition is not known is not trusted: the version is saved as before.
 */
export function unchangedTemplate(live: LiveMap, desired: MapDefinition, ignored: Ignored): MapDefinition | undefined {
  const { publisher, number } = desired.version;
  for (const template of live.templates) {
    if (template.publisher.toLowerCase() !== publisher.toLowerCase() || template.number !== number || template.definition === undefined) continue;
    if (sameDefinition(effectiveDefinition(desired, template.definition, ignored), template.definition)) return template.definition;
  }
  return undefined;
}

/**
 * A save of a pinned version into another publisher's version, found in the snapshot before apply
 * stops anything. Apply's save overwrites the row of that number that names its publisher; without
 * one, a row that names no publisher (one dwctl did not write, such as Microsoft's); and it refuses
 * that row when the service lists the number as another publisher's template and not as this one's
 * (live/gateway/definitions.ts ownRow, which stays as the last check). The same test here, on
 * LiveMap.versions (a row without a publisher has publisher "", live/gateway/snapshot.ts) and
 * LiveMap.templates (publisher is the template's author, compared without regard to case).
 * The message starts with the map's file; plan places it on the YAML line (cli/plan-run.ts).
 */
export function versionOfAnotherPublisher(pairMap: PairMap, live: LiveMap, version: MapVersion): Blocker | undefined {
  const own = (publisher: string): boolean => publisher.toLowerCase() === version.publisher.toLowerCase();
  const rows = live.versions.filter((v) => sameVersionNumber(v.number, version.number));
  if (rows.some((v) => v.publisher !== "" && own(v.publisher))) return undefined;
  if (!rows.some((v) => v.publisher === "")) return undefined;
  const templates = live.templates.filter((t) => sameVersionNumber(t.number, version.number));
  const owner = templates.find((t) => !own(t.publisher));
  if (owner === undefined || templates.some((t) => own(t.publisher))) return undefined;
  const { map } = pairMap;
  const title = mapTitle(toMapDefinition(map));
  return {
    kind: "versionOfAnotherPublisher",
    path: [map.name],
    message: `${map.file}: ${map.name} pins version ${versionText(version)}, but version ${version.number} of ${title} is saved in a Dataverse row that names no publisher, and the dual-write service lists it as ${owner.publisher}'s (${versionText(owner)}): dwctl does not overwrite another publisher's version with ${version.publisher}'s, so nothing of this map is stopped or saved. Fix: ${anotherPublishersVersionHint(owner.publisher)}, then plan again.`,
  };
}
