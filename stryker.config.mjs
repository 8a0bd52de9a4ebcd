// @ts-check
/**
 * Mutation testing of dwctl's safety checks: `npm run mutation`. StrykerJS changes the code one
 * small edit (a mutant) at a time and runs the tests that cover it; a mutant no test notices
 * "survives". The vitest runner uses vitest.mutation.config.ts, the fast tests of these modules.
 * Run one module with: npx stryker run --mutate src/rules/no-secrets.ts
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  mutate: [
    "src/apply/**/*.ts",
    "src/plan/require-confirmations.ts",
    "src/plan/plan-prune.ts",
    "src/rules/no-secrets.ts",
    "src/live/http/redact.ts",
    "src/live/auth/**/*.ts",
  ],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  concurrency: 2,
  // Added to each test run's own time before a mutant counts as timed out (a hang is detected too).
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  // Not copied into Stryker's sandbox: build output, sandbox data and run journals, earlier reports,
  // and the sandboxes of other Stryker runs (--tempDirName .stryker-tmp-<name>) going on at the same time.
  ignorePatterns: ["/dist", "/coverage", ".dwctl", "/.ci-out", "/reports", "/bench/out", "/tmp", "/.stryker-tmp*"],
};

export default config;
