import { simpleGit } from "simple-git";

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
