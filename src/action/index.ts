// The GitHub Action's entry point (action.yml runs the bundle of this file, dist-action/index.mjs).
import { runAction } from "./main.js";

const result = await runAction({ env: process.env });
// The step fails on exit code 1 of dwctl (an error, a blocked plan, invalid files) or a wrong input;
// exit code 2 (changes, drift) is an outcome, read from the outputs has-changes and exit-code.
process.exitCode = result.failed ? 1 : 0;
