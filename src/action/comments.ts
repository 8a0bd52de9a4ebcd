/**
 * One sticky comment per environment on a pull request: found again by a hidden marker at the
 * start of its body, updated in place on every run, never posted twice, and split over several
 * comments (`part-2`, `part-3`, …) when it is longer than GitHub allows.
 */

/** GitHub refuses a comment body longer than this ("body is too long (maximum is 65536 characters)"). */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface CommentUser {
  login: string;
  type?: string;
}

export interface IssueComment {
  id: number;
  body?: string | null | undefined;
  user?: CommentUser | null | undefined;
}

/** The calls the sticky comment needs, on one pull request. */
export interface CommentsApi {
  /** Every comment of the pull request, all pages, oldest first. */
  list(): Promise<IssueComment[]>;
  create(body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<void>;
  remove(id: number): Promise<void>;
  /** The login the token acts as, when the token may ask (a GITHUB_TOKEN may not: undefined). */
  self(): Promise<string | undefined>;
}

export type CommentKind = "plan" | "drift";

export interface StickyKey {
  kind: CommentKind;
  /** The environment pair (or `all` for drift --all). */
  environment: string;
}

/** Only these characters reach the marker, so no name can end the HTML comment early. */
function markerName(environment: string): string {
  return environment.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** `<!-- dwctl:plan:stage -->` for the first part, `<!-- dwctl:plan:stage:part-2 -->` after. */
export function markerFor(key: StickyKey, part: number): string {
  return `<!-- dwctl:${key.kind}:${markerName(key.environment)}${part === 1 ? "" : `:part-${part}`} -->`;
}

const MARKER = /^\s*<!-- dwctl:(plan|drift):([A-Za-z0-9._-]+)(?::part-([1-9][0-9]{0,3}))? -->/;

/** The key and part number of a body that starts with a dwctl marker. */
export function parseMarker(body: string | null | undefined): { kind: CommentKind; environment: string; part: number } | undefined {
  const match = MARKER.exec(body ?? "");
  if (match === null) return undefined;
  return { kind: match[1] as CommentKind, environment: match[2] ?? "", part: match[3] === undefined ? 1 : Number(match[3]) };
}

/**
 * Whose comments may be taken for ours. Anyone can write a marker into a comment; updating theirs
 * would put the plan under their name, which they could then edit. So only comments of the token's
 * own login count, or, when the token cannot say who it is (the job's GITHUB_TOKEN, a GitHub App),
 * comments of a bot account.
 */
function ownedBy(self: string | undefined): (comment: IssueComment) => boolean {
  if (self !== undefined) return (comment) => comment.user?.login === self;
  return (comment) => comment.user?.type === "Bot";
}

export interface StickyResult {
  created: number[];
  updated: number[];
  unchanged: number[];
  deleted: number[];
}

/**
 * Makes the pull request show exactly `bodies` (each already carrying its marker, in part order)
 * under `key`: the existing comment of each part is updated in place (not touched when it already
 * reads the same), missing parts are created, and parts no longer needed (a plan that became
 * shorter) and duplicates (two runs that raced) are deleted. Nothing is created before the list has
 * been read in full, so a re-run never posts a second copy.
 */
export async function syncStickyComments(api: CommentsApi, key: StickyKey, bodies: readonly string[]): Promise<StickyResult> {
  for (const [index, body] of bodies.entries()) {
    if (parseMarker(body)?.part !== index + 1 || !body.startsWith(markerFor(key, index + 1))) throw new Error(`sticky comment part ${index + 1} does not start with its marker`);
    if (body.length > GITHUB_COMMENT_LIMIT) throw new Error(`sticky comment part ${index + 1} is ${body.length} characters, over GitHub's limit of ${GITHUB_COMMENT_LIMIT}`);
  }
  const owned = ownedBy(await api.self());
  const wanted = markerName(key.environment);
  const ours = (await api.list()).filter((comment) => {
    const marker = parseMarker(comment.body);
    return marker !== undefined && marker.kind === key.kind && marker.environment === wanted && owned(comment);
  });
  const byPart = new Map<number, IssueComment[]>();
  for (const comment of [...ours].sort((a, b) => a.id - b.id)) {
    const part = parseMarker(comment.body)?.part ?? 1;
    byPart.set(part, [...(byPart.get(part) ?? []), comment]);
  }
  const result: StickyResult = { created: [], updated: [], unchanged: [], deleted: [] };
  const surplus: number[] = [];
  for (const [part, comments] of byPart) {
    // The oldest comment of a part is the one kept; later copies (a race of two runs) go.
    const extra = part > bodies.length ? comments : comments.slice(1);
    surplus.push(...extra.map((c) => c.id));
  }
  for (const [index, body] of bodies.entries()) {
    const existing = byPart.get(index + 1)?.[0];
    if (existing === undefined) {
      result.created.push((await api.create(body)).id);
    } else if (existing.body === body) {
      result.unchanged.push(existing.id);
    } else {
      await api.update(existing.id, body);
      result.updated.push(existing.id);
    }
  }
  for (const id of surplus.sort((a, b) => a - b)) {
    await api.remove(id);
    result.deleted.push(id);
  }
  return result;
}
