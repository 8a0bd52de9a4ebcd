import { Command, Option } from "commander";
import { renderDoctorJson, renderDoctorText } from "../doctor/render.js";
import { exitCodeOf } from "../doctor/check.js";
import { runDoctor } from "../doctor/run-doctor.js";
import { HttpEnvironmentGateway } from "../live/http-gateway.js";
import { probeFor } from "../live/probe/probe.js";
import { desiredForPair } from "../model/pair-view.js";
import { paletteFor } from "../report/colour.js";
import { loadDesired, openPair, selectPair } from "./context.js";
import { ExitError } from "./errors.js";
import { userFacing } from "./failures.js";
import type { Io } from "./io.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";

interface DoctorCommandOptions {
  env?: string;
  format: "text" | "json";
}

/** `dwctl doctor --env <pair>`: one line a check, GET requests only, no lock. Exit 0 when nothing failed. */
export async function runDoctorCommand(options: DoctorCommandOptions, io: Io): Promise<number> {
  const desired = await loadDesired(io, ["maps"]);
  const pair = selectPair(desired, options.env);
  if (pair.sandbox === true) checkSandboxPairs(desired.pairs);
  // A followed map is never saved, so only pinned publishers need a dwctl solution (README, Versions).
  const publishers = [...new Set(desiredForPair(desired, pair).maps.flatMap(({ map }) => (map.version.kind === "pin" ? [map.version.publisher] : [])))];
  const report = await runDoctor({
    pair,
    pairs: desired.pairs,
    publishers,
    explain: userFacing,
    open: async () => {
      const opened = await openPair(pair, desired, io);
      if (!(opened.gateway instanceof HttpEnvironmentGateway)) {
        await opened.close();
        throw new Error("doctor needs the HTTP gateway of the pair");
      }
      return { probe: probeFor(opened.gateway, new URL(pair.financeAndOperations.url).hostname.toLowerCase()), close: () => opened.close() };
    },
  });
  io.stdout.write(options.format === "json" ? renderDoctorJson(report) : renderDoctorText(report, paletteFor(io.stdout, io.env)));
  return exitCodeOf(report);
}

export function doctorCommand(io: Io): Command {
  return new Command("doctor")
    .description("Check that a pair is ready for dwctl: APIs and tokens, application users and roles, solutions, link, health-check conditions, signs of a database copy. Read-only, takes no lock")
    .option("--env <pair>", "environment pair name from environments.yaml")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nExit codes: 0 when no check failed (warnings and skipped checks allowed), 1 when one did or the input is invalid.")
    .action(async (opts: DoctorCommandOptions) => {
      const code = await runDoctorCommand(opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
