import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startSandbox } from "./index.js";
import { environmentsFromEnv, timingsFromEnv } from "./settings.js";

/** `node dist/sandbox/server-main.js --data-dir <dir> [--port N]`: what `dwctl sandbox up` runs in the background. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" }, port: { type: "string" } }, strict: true });
  const dataDir = values["data-dir"];
  if (dataDir === undefined || dataDir === "") throw new Error("usage: server-main --data-dir <dir> [--port N]");
  const port = values.port === undefined ? 0 : Number.parseInt(values.port, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port ?? ""}`);
  const directory = resolve(dataDir);
  const timings = timingsFromEnv(process.env);
  const environments = environmentsFromEnv(process.env);
  const sandbox = await startSandbox({
    dataDir: directory,
    port,
    ...(timings === undefined ? {} : { timings }),
    ...(environments === undefined ? {} : { environments }),
  });
  const statePath = join(directory, "state.json");
  writeFileSync(statePath, `${JSON.stringify({ pid: process.pid, port: sandbox.port, url: sandbox.url, startedAt: new Date().toISOString() }, null, 2)}\n`);
  process.stdout.write(`dwctl sandbox listening on ${sandbox.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.stop().finally(() => {
      rmSync(statePath, { force: true });
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`dwctl sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
