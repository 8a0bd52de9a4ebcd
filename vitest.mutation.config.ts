import { defineConfig } from "vitest/config";

/**
 * The tests `npm run mutation` (StrykerJS) runs against each mutant: the fast unit and behaviour
 * tests of the modules it mutates (see stryker.config.mjs). The slow end-to-end tests (the crash
 * test, test/e2e, the sandbox CLI runs) stay out: their safety checks have unit-level tests here.
 */
export default defineConfig({
  test: {
    include: [
      // src/apply
      "test/apply/*.test.ts",
      "test/safety/confirmations.test.ts",
      "test/safety/apply-run.test.ts",
      "test/safety/apply-parts.test.ts",
      "test/safety/m2-lock-beats.test.ts",
      "test/safety/m2-lock-user.test.ts",
      "test/safety/m1-apply-plan.test.ts",
      "test/safety/m2-new-kinds.test.ts",
      // src/plan/require-confirmations.ts, src/plan/plan-prune.ts
      "test/plan/drift-and-keys.test.ts",
      "test/plan/golden.test.ts",
      "test/safety/prune.test.ts",
      // src/rules/no-secrets.ts
      "test/rules/no-secrets.test.ts",
      "test/safety/no-secrets.test.ts",
      // src/live/http/redact.ts
      "test/live/http/redact.test.ts",
      "test/live/http/canary.test.ts",
      "test/live/http/token-canary.test.ts",
      "test/safety/redact.test.ts",
      // src/live/auth
      "test/live/auth.test.ts",
      "test/sandbox/auth.test.ts",
      "test/safety/github-oidc.test.ts",
      "test/safety/credentials.test.ts",
      "test/safety/m3-device-code.test.ts",
      "test/safety/m3-sandbox-token.test.ts",
    ],
    exclude: ["test/apply/crash.test.ts", "test/e2e/**", "test/safety/cli-safety.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
