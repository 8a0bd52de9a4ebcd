import { realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import type { Desired } from "../model/desired.js";
import type { Plan } from "../plan/plan.js";
import { selectChangedMaps, type ChangedFile, type MapSelection } from "../plan/select-maps.js";
import { UserError } from "./errors.js";

/** The commit the desired state comes from, or null outside a git work tree. */
export async function currentCommit(cwd: string): Promise<string | null> {
  try {
    const git = simpleGit({ baseDir: cwd });
    if (!(await git.checkIsRepo())) return null;
    return (await git.revparse(["HEAD"])).trim();
  } catch {
    return null;
  }
}

/** A git work tree, opened at its top level. */
export interface Repository {
  git: SimpleGit;
  /** The top level of the work tree, as git spells it (symlinks resolved). */
  root: string;
}

/**
 * simple-git resolves a command that exits non-zero without writing to stderr (rev-parse --quiet,
 * merge-base --is-ancestor); this turns every such exit into an error that names its code.
 */
function strictGit(baseDir: string): SimpleGit {
  return simpleGit({
    baseDir,
    errors(error, result) {
      if (error !== undefined) return error;
      if (result.exitCode === 0) return undefined;
      return Buffer.from(`exit ${result.exitCode}: ${Buffer.concat(result.stdErr).toString().trim()}`);
    },
  });
}

function gitMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split("\n")[0] ?? "";
}

/** The work tree `cwd` is in; outside one (or without git installed), a user error that says why the command needs one. */
export async function openRepository(cwd: string, why: string): Promise<Repository> {
  let root: string;
  try {
    root = (await strictGit(cwd).raw(["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    throw new UserError(`${why} needs a git repository, and ${cwd} is not in one (${gitMessage(error)})`, "Run it from a clone of the repository that holds maps/ (git clone, then cd into it).");
  }
  if (root === "") throw new UserError(`${why} needs a git work tree, and ${cwd} is not in one`, "Run it from a clone of the repository that holds maps/, not from inside .git.");
  return { git: strictGit(root), root: await realpath(root) };
}

/** Whether `commit` names a commit this clone has. */
export async function hasCommit(repo: Repository, commit: string): Promise<boolean> {
  try {
    await repo.git.raw(["cat-file", "-e", `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The full sha of a ref given on the command line; a bad ref is a user error with a hint. */
export async function resolveCommit(repo: Repository, ref: string, option: string): Promise<string> {
  const hint =
    "Pass a branch, tag or commit this clone has (git branch -a lists them). For a remote branch, fetch it first (git fetch origin main, then --changed-since origin/main); in GitHub Actions, check out with fetch-depth: 0.";
  if (ref.trim() === "" || ref.startsWith("-")) throw new UserError(`${option} ${JSON.stringify(ref)}: not a git ref`, hint);
  try {
    const sha = (await repo.git.raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
    if (/^[0-9a-f]{40,64}$/.test(sha)) return sha;
  } catch {
    // Falls through to the user error below.
  }
  throw new UserError(`${option} ${ref}: no such commit, branch or tag in this repository`, hint);
}

async function headCommit(repo: Repository): Promise<string> {
  try {
    return (await repo.git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).trim();
  } catch {
    throw new UserError("the repository has no commit yet, so nothing has changed since any ref", "Commit the estate first (git add maps && git commit), then plan with --changed-since.");
  }
}

function nulSeparated(text: string): string[] {
  return text.split("\0").filter((s) => s !== "");
}

/** `pathspecs`: the folders and files the desired state was read from, relative to `cwd`, as git pathspecs from the top level. */
async function pathspecsOf(repo: Repository, cwd: string, paths: readonly string[]): Promise<string[]> {
  const base = await realpath(cwd);
  return paths.map((p) => {
    const full = isAbsolute(p) ? p : join(base, p);
    const rel = relative(repo.root, full);
    return rel === "" ? "." : rel;
  });
}

export interface ChangesSince {
  /** The commit the ref named. */
  commit: string;
  /** The merge base of that commit and HEAD. */
  base: string;
  /** Changed files of the desired state, absolute, with whether each still exists in the working tree. */
  files: ChangedFile[];
  /** The same, relative to the repository root, for the plan file. */
  relative: string[];
}

/**
 * What changed since a base, as a pull request shows it: `git diff --name-only <commit>...HEAD`
 * (committed on this branch since it left the base), plus what is not committed (staged, unstaged,
 * untracked), within the paths the desired state is read from. Renames count as a delete and an
 * add, so a renamed map's old name is in the change too.
 */
export async function changesSince(repo: Repository, commit: string, cwd: string, paths: readonly string[]): Promise<ChangesSince> {
  const head = await headCommit(repo);
  let base: string;
  try {
    base = (await repo.git.raw(["merge-base", commit, head])).trim();
  } catch (error) {
    throw new UserError(
      `commit ${commit.slice(0, 12)} and HEAD have no common ancestor in this clone (${gitMessage(error)})`,
      "Compare with a branch HEAD grew from. In a shallow clone (GitHub Actions checks out one commit by default) fetch the history: actions/checkout with fetch-depth: 0, or git fetch --unshallow.",
    );
  }
  const specs = await pathspecsOf(repo, cwd, paths);
  const committed = await repo.git.raw(["diff", "--name-only", "-z", "--no-renames", `${base}`, head, "--", ...specs]);
  const uncommitted = await repo.git.raw(["diff", "--name-only", "-z", "--no-renames", "HEAD", "--", ...specs]);
  const untracked = await repo.git.raw(["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", ...specs]);
  const relativePaths = [...new Set([...nulSeparated(committed), ...nulSeparated(uncommitted), ...nulSeparated(untracked)])].sort();
  const files = await Promise.all(
    relativePaths.map(async (path): Promise<ChangedFile> => {
      const full = join(repo.root, path);
      try {
        await realpath(full);
        return { path: full, exists: true };
      } catch {
        return { path: full, exists: false };
      }
    }),
  );
  return { commit, base, files, relative: relativePaths };
}

/**
 * The state of the paths a plan was read from against HEAD: every staged, unstaged or untracked
 * change under them (`git status --porcelain`), each as git's two-letter status and the path from
 * the repository root. Undefined outside a git work tree.
 */
export async function workingTreeOf(cwd: string, paths: readonly string[]): Promise<{ dirty: boolean; changes: string[] } | undefined> {
  let repo: Repository;
  try {
    repo = await openRepository(cwd, "");
  } catch {
    return undefined;
  }
  try {
    const specs = await pathspecsOf(repo, cwd, paths);
    const out = await repo.git.raw(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...specs]);
    const changes = nulSeparated(out).sort((a, b) => a.slice(3).localeCompare(b.slice(3)));
    return { dirty: changes.length > 0, changes };
  } catch {
    return undefined;
  }
}

/** Relative to the repository root, with forward slashes: how git names a file. */
export function repositoryPath(repo: Repository, full: string): string {
  return relative(repo.root, full).split("\\").join("/");
}

export interface FileCommit {
  sha: string;
  shortSha: string;
  /** Author date, ISO 8601. */
  date: string;
  author: string;
  subject: string;
  /** The file's path at that commit (it may have been renamed since). */
  path: string;
}

/** The commits that changed a file, newest first, following renames (`git log --follow`). */
export async function fileHistory(repo: Repository, path: string): Promise<FileCommit[]> {
  const out = await repo.git.raw(["-c", "core.quotePath=false", "log", "--follow", "--name-only", "--format=%x1e%H%x1f%h%x1f%aI%x1f%an%x1f%s", "--", path]);
  return out
    .split("\x1e")
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const [header = "", ...rest] = chunk.split("\n");
      const [sha = "", shortSha = "", date = "", author = "", subject = ""] = header.split("\x1f");
      const file = rest.map((line) => line.trim()).find((line) => line !== "") ?? path;
      return { sha, shortSha, date, author, subject, path: file };
    });
}

/** Whether `ancestor` is `commit` or one of its ancestors (`git merge-base --is-ancestor`). */
export async function isAncestor(repo: Repository, ancestor: string, commit: string): Promise<boolean> {
  try {
    await repo.git.raw(["merge-base", "--is-ancestor", ancestor, commit]);
    return true;
  } catch (error) {
    if (/^exit 1:/.test(gitMessage(error))) return false;
    throw error;
  }
}

/** A file's text at a commit, or undefined when the commit has no such file. */
export async function fileAt(repo: Repository, commit: string, path: string): Promise<string | undefined> {
  try {
    return await repo.git.raw(["show", `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

/** Whether the file differs in the working tree or the index from HEAD, or is untracked. */
export async function fileIsDirty(repo: Repository, path: string): Promise<boolean> {
  try {
    return (await repo.git.raw(["status", "--porcelain=v1", "--untracked-files=all", "--", path])).trim() !== "";
  } catch {
    return false;
  }
}

/** The scope of a plan made with --changed-since: which maps, and what the plan file records. */
export interface ChangedSinceScope {
  selection: MapSelection;
  record: NonNullable<Plan["changedSince"]>;
}

/**
 * The maps changed since `ref` (or since `commit`, the commit a saved plan recorded for its ref:
 * apply derives the scope from it, not from the ref, which may have moved since). `paths` are the
 * paths the desired state was read from, relative to `cwd`.
 */
export async function changedSinceScope(cwd: string, desired: Desired, ref: string, paths: readonly string[], commit?: string): Promise<ChangedSinceScope> {
  const repo = await openRepository(cwd, "--changed-since");
  let sha: string;
  if (commit === undefined) sha = await resolveCommit(repo, ref, "--changed-since");
  else if (await hasCommit(repo, commit)) sha = commit;
  else {
    throw new UserError(
      `the plan was made with --changed-since ${ref}, which named commit ${commit.slice(0, 12)}, and this clone does not have that commit`,
      "Apply from a clone that has it (git fetch origin; in GitHub Actions, check out with fetch-depth: 0), or make the plan again here.",
    );
  }
  let changes: ChangesSince;
  try {
    changes = await changesSince(repo, sha, cwd, paths);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot list the changes since ${ref}: ${gitMessage(error)}`, "Check that the paths read are inside the repository and that git works here (git status), then try again.");
  }
  const base = await realpath(cwd);
  const selection = selectChangedMaps(desired, changes.files, (file) => resolve(base, file));
  return {
    selection,
    record: {
      ref,
      commit: sha,
      base: changes.base,
      whole: selection.whole,
      maps: [...selection.maps].sort(),
      keys: [...selection.tables].sort(),
      files: changes.relative,
    },
  };
}
