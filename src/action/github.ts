import { readFileSync } from "node:fs";
import { getOctokit } from "@actions/github";
import type { CommentsApi, IssueComment } from "./comments.js";

/** The pull request a run belongs to, read from the event payload (GITHUB_EVENT_PATH). */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/**
 * The pull request of the event: `pull_request` and `pull_request_target` carry it, and an
 * `issue_comment` on a pull request carries it as an issue with a `pull_request` link. Read here,
 * not through `github.context`, which reads the environment once, when it is imported.
 */
export function pullRequestOf(env: Record<string, string | undefined>): PullRequestRef | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const path = env.GITHUB_EVENT_PATH;
  if (owner === undefined || owner === "" || repo === undefined || repo === "" || path === undefined || path === "") return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  const number = numberIn(payload, "pull_request") ?? (isPullRequestIssue(payload) ? numberIn(payload, "issue") : undefined);
  return number === undefined ? undefined : { owner, repo, number };
}

function numberIn(payload: unknown, key: string): number | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const item = (payload as Record<string, unknown>)[key];
  if (typeof item !== "object" || item === null) return undefined;
  const number = (item as Record<string, unknown>).number;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

function isPullRequestIssue(payload: unknown): boolean {
  if (typeof payload !== "object" || payload === null) return false;
  const issue = (payload as Record<string, unknown>).issue;
  return typeof issue === "object" && issue !== null && "pull_request" in issue;
}

/** The issue-comment calls of one pull request through @actions/github's Octokit, at `baseUrl` (GITHUB_API_URL). */
export function octokitComments(token: string, baseUrl: string, pr: PullRequestRef): CommentsApi {
  const octokit = getOctokit(token, { baseUrl });
  const where = { owner: pr.owner, repo: pr.repo };
  const shape = (c: { id: number; body?: string | null | undefined; user?: { login: string; type?: string } | null | undefined }): IssueComment => ({
    id: c.id,
    body: c.body,
    user: c.user === null || c.user === undefined ? null : { login: c.user.login, ...(c.user.type === undefined ? {} : { type: c.user.type }) },
  });
  return {
    list: async () => (await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: pr.number, per_page: 100 })).map(shape),
    create: async (body) => shape((await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body })).data),
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    },
    remove: async (id) => {
      await octokit.rest.issues.deleteComment({ ...where, comment_id: id });
    },
    self: async () => {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
      } catch {
        // The job's GITHUB_TOKEN and GitHub App tokens may not read /user.
        return undefined;
      }
    },
  };
}
