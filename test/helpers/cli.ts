import { execFile } from "node:child_process";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/program.js";
import type { Io } from "../../src/cli/io.js";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/** Writes files into a fresh temporary folder and returns its path. */
export async function tempTree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dwctl-test-"));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Runs the built CLI (dist/) as a child process, the way users run it. */
export function runBuiltCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, "dist/cli/main.js"), ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
