// The sandbox in a child process (dist/sandbox/server-main.js, what `dwctl sandbox up` runs), so that
// its own CPU does not share the benchmarked client's event loop: the platform is remote in real use.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_MAIN = fileURLToPath(new URL("../dist/sandbox/server-main.js", import.meta.url));

/** Starts the sandbox server on an ephemeral port; resolves once it listens. */
export async function startSandboxProcess({ dataDir, timings, environments, execArgv = [] }) {
  // DWCTL_BENCH_SANDBOX_NODE_ARGS (space-separated) adds node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.DWCTL_BENCH_SANDBOX_NODE_ARGS ?? "").split(" ").filter((arg) => arg !== "");
  const child = spawn(process.execPath, [...execArgv, ...extra, SERVER_MAIN, "--data-dir", dataDir, "--port", "0"], {
    env: { ...process.env, DWCTL_SANDBOX_TIMINGS: JSON.stringify(timings ?? {}), DWCTL_SANDBOX_ENVIRONMENTS: JSON.stringify(environments ?? []) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk) => {
      out += chunk;
      const match = /listening on (\S+)/.exec(out);
      if (match) {
        child.stdout.off("data", onData);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}: ${stderr}`)));
  });
  child.stdout.resume();
  const secret = (await readFile(join(dataDir, "secret"), "utf8")).trim();
  const control = async (method, path, body) => {
    // A fresh connection for each control call: between two of them the bench can be busy for longer
    // than the server's keep-alive, and a pooled socket the server closed meanwhile fails the call.
    const response = await globalThis.fetch(`${url}/_sandbox/${path}`, {
      method,
      headers: { connection: "close", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox control ${method} ${path}: ${response.status} ${text}`);
    return text === "" ? undefined : JSON.parse(text);
  };
  return {
    url,
    secret,
    pid: child.pid,
    setFaults: (faults) => control("PUT", "faults", faults),
    stats: () => control("GET", "stats"),
    resetStats: () => control("DELETE", "stats"),
    reset: () => control("POST", "reset"),
    /** The server process's CPU time so far, in ms (Linux /proc), or undefined elsewhere. */
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function processCpuMs(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100 Hz on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
