import { Command } from "commander";
import { parseLock, releaseLock } from "../apply/lock.js";
import { loadDesired, openPair, selectPair } from "./context.js";
import { UserError } from "./errors.js";
import type { Io } from "./io.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";

async function withPair<T>(io: Io, env: string | undefined, run: (gateway: Awaited<ReturnType<typeof openPair>>["gateway"]) => Promise<T>): Promise<T> {
  const desired = await loadDesired(io);
  const pair = selectPair(desired, env);
  if (pair.sandbox === true) checkSandboxPairs(desired.pairs);
  const opened = await openPair(pair, desired, io);
  try {
    return await run(opened.gateway);
  } finally {
    await opened.close();
  }
}

export function lockCommand(io: Io): Command {
  const lock = new Command("lock").description("Inspect or release the apply lock kept in an environment pair");
  lock
    .command("status")
    .description("Show who holds the lock, since when, until when, and the run's progress")
    .option("--env <pair>", "environment pair name")
    .option("--format <format>", "text or json", "text")
    .action(async (opts: { env?: string; format: string }) => {
      await withPair(io, opts.env, async (gateway) => {
        const record = await gateway.readRecord("lock");
        const value = parseLock(record);
        if (opts.format === "json") {
          io.stdout.write(`${JSON.stringify({ pair: gateway.pair, locked: value !== undefined, lock: value ?? null }, null, 2)}\n`);
          return;
        }
        if (value === undefined) {
          io.stdout.write(`${gateway.pair}: not locked\n`);
          return;
        }
        const progress = value.progress === undefined ? "" : `, wave ${value.progress.wave}/${value.progress.waves}, ${value.progress.done}/${value.progress.total} actions done`;
        const tookOver = value.tookOverFrom === undefined ? "" : `\n  took over: the lock of ${value.tookOverFrom.holder} (run ${value.tookOverFrom.runId}, ${value.tookOverFrom.command}), because ${value.tookOverFrom.reason}`;
        io.stdout.write(`${gateway.pair}: locked by ${value.holder} (pid ${value.pid})\n  id: ${value.id}\n  command: ${value.command}\n  since: ${value.acquiredAt}\n  expires: ${value.expiresAt}${progress}${tookOver}\n`);
      });
    });
  lock
    .command("release")
    .description("Release a lock left by a run that died; needs the lock's id, so that a live run's lock is not released by mistake")
    .option("--env <pair>", "environment pair name")
    .requiredOption("--id <lock id>", "the id shown by dwctl lock status")
    .action(async (opts: { env?: string; id: string }) => {
      await withPair(io, opts.env, async (gateway) => {
        const released = await releaseLock(gateway, opts.id);
        if (!released) {
          throw new UserError(`no lock with id ${opts.id} is held on ${gateway.pair}`, `Run dwctl lock status --env ${gateway.pair} to see the current lock.`);
        }
        io.stdout.write(`${gateway.pair}: lock ${opts.id} released\n`);
      });
    });
  return lock;
}

