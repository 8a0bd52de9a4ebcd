import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userFacing } from "../../src/cli/failures.js";
import { readInputFiles } from "../../src/config/read-files.js";
import type { DoctorCheck, DoctorReport } from "../../src/doctor/check.js";
import { exitCodeOf } from "../../src/doctor/check.js";
import { renderDoctorJson, renderDoctorText } from "../../src/doctor/render.js";
import { runDoctor } from "../../src/doctor/run-doctor.js";
import { SandboxCredential } from "../../src/live/auth/sandbox-credential.js";
import { HttpEnvironmentGateway } from "../../src/live/http-gateway.js";
import { probeFor } from "../../src/live/probe/probe.js";
import type { EnvironmentPair } from "../../src/model/desired.js";
import { plain } from "../../src/report/colour.js";
import { startSandbox, type RunningSandbox } from "../../src/sandbox/index.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { root, runCli, tempTree } from "../helpers/cli.js";

const CANARY = "CANARY-SECRET-doctor-5d2e91";

let dir = "";
let sandbox: RunningSandbox;
let pairs: EnvironmentPair[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dwctl-doctor-"));
  sandbox = await startSandbox({ dataDir: dir, timings: { keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 } });
  pairs = validateSources(await readInputFiles(["maps"], root)).desired.pairs;
});

afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A credential that asks the sandbox for another service's token: the wrong audience. */
function audienceOf(credential: TokenCredential, scope: string): TokenCredential {
  return { getToken: async (): Promise<AccessToken | null> => credential.getToken(scope) };
}

/** Doctor on STAGE with the given credentials per service, over the real HTTP adapters. */
async function doctorWith(credentials: { dataverse: TokenCredential; financeAndOperations: TokenCredential; dualWrite: TokenCredential }): Promise<DoctorReport> {
  const stage = pairs.find((pair) => pair.name === "stage");
  if (stage === undefined) throw new Error("maps/environments.yaml has no stage pair");
  const gateway = new HttpEnvironmentGateway({
    pair: "stage",
    financeAndOperationsUrl: `${sandbox.url}/stage/finops`,
    dataverseUrl: `${sandbox.url}/stage/dataverse`,
    dualWriteUrl: `${sandbox.url}/dualwrite`,
    credentials,
    identity: { financeAndOperationsUrl: stage.financeAndOperations.url, dataverseUrl: stage.dataverse.url },
    http: { maxAttempts: 2, baseDelayMs: 1 },
  });
  return runDoctor({ pair: stage, pairs, publishers: ["contoso"], explain: userFacing, open: async () => ({ probe: probeFor(gateway, "stage.operations.localhost"), close: async () => undefined }) });
}

const byId = (report: DoctorReport): Map<string, DoctorCheck> => new Map(report.checks.map((check) => [check.id, check]));

describe("doctor with a refused token", () => {
  it("fails the API whose token has the wrong audience, naming that service; the other APIs pass and what needs the refused one is skipped", async () => {
    const good = new SandboxCredential(sandbox.url, sandbox.secret, { clientId: "stage" });
    const report = await doctorWith({ dataverse: good, financeAndOperations: audienceOf(good, `${sandbox.url}/stage/dataverse/.default`), dualWrite: good });
    const checks = byId(report);
    expect(exitCodeOf(report)).toBe(1);
    expect(checks.get("api.finops")?.status).toBe("fail");
    expect(checks.get("api.finops")?.detail).toMatch(/^Finance and operations refused the token for scope .*\/stage\/finops\/\.default with 401 \(the token audience does not match this service\)/);
    expect(checks.get("api.finops")?.fix).toContain("Microsoft Entra applications in finance and operations");
    expect(checks.get("api.dataverse")?.status).toBe("pass");
    expect(checks.get("api.dualwrite")?.status).toBe("pass");
    // What reads Dataverse alone still runs.
    for (const id of ["users.dataverse", "solutions.core", "solutions.maps"]) expect(checks.get(id)?.status, id).toBe("pass");
    // What needs finance and operations is skipped, and says why.
    for (const id of ["users.finops", "link", "health.companies.finops", "health.stale.finops", "copy"]) {
      expect(checks.get(id)?.status, id).toBe("skip");
      expect(checks.get(id)?.detail, id).toBe("cannot check: Finance and operations (api.finops) could not be read");
    }
    expect(renderDoctorText(report, plain)).toMatch(/✗ api\.finops +Finance and operations OData answers \(service root\) — Finance and operations refused the token/);
  });

  it("names each service when the sandbox refuses the client secret, and never prints the secret", async () => {
    const wrong = new SandboxCredential(sandbox.url, CANARY, { clientId: "stage", http: { maxAttempts: 1 } });
    const report = await doctorWith({ dataverse: wrong, financeAndOperations: wrong, dualWrite: wrong });
    const checks = byId(report);
    expect(checks.get("api.dataverse")?.detail).toMatch(/^no token for Dataverse \(scope .*\/stage\/dataverse\/\.default\): .*refused the token/);
    expect(checks.get("api.finops")?.detail).toMatch(/^no token for Finance and operations \(scope/);
    expect(checks.get("api.dualwrite")?.detail).toMatch(/^no token for the dual-write management service \(scope/);
    expect(report.checks.filter((check) => check.status === "fail").map((check) => check.id)).toEqual(["api.dataverse", "api.finops", "api.dualwrite"]);
    expect(report.checks.filter((check) => check.status === "skip")).toHaveLength(10);
    for (const output of [renderDoctorText(report, plain), renderDoctorJson(report)]) expect(output).not.toContain(CANARY);
  });
});

describe("doctor against a real pair that cannot be reached", () => {
  it("fails each API check with the reason, and never prints the client secret", async () => {
    const work = await tempTree({
      "maps/environments.yaml": `kind: Environments
pairs:
  - name: real
    financeAndOperations: { url: "https://127.0.0.1:9/finops" }
    dataverse: { url: "https://127.0.0.1:9/dataverse" }
    dualWrite: { url: "https://127.0.0.1:9/dw" }
    allowedHosts: { financeAndOperations: ["127.0.0.1"], dataverse: ["127.0.0.1"], dualWrite: ["127.0.0.1"] }
    legalEntities: [USMF]
    auth: { method: client-secret, tenantId: 11111111-2222-3333-4444-555555555555, clientId: 66666666-7777-8888-9999-000000000000, clientSecretVariable: DWCTL_CLIENT_SECRET }
`,
    });
    for (const format of ["text", "json"]) {
      const result = await runCli(["doctor", "--env", "real", "--format", format], work, { DWCTL_CLIENT_SECRET: CANARY, DWCTL_DEBUG: "1" });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain("internal error");
      expect(`${result.stdout}${result.stderr}`).not.toContain(CANARY);
      if (format === "json") {
        const checks = (JSON.parse(result.stdout) as { checks: DoctorCheck[] }).checks;
        expect(checks.slice(0, 3).map((check) => [check.id, check.status])).toEqual([
          ["api.dataverse", "fail"],
          ["api.finops", "fail"],
          ["api.dualwrite", "fail"],
        ]);
        expect(checks.slice(3).every((check) => check.status === "skip")).toBe(true);
      }
    }
    const missing = await runCli(["doctor", "--env", "real"], work, {});
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("environment variable DWCTL_CLIENT_SECRET is not set");
    await rm(work, { recursive: true, force: true });
  }, 120_000);
});
