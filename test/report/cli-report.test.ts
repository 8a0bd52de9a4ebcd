import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatorFor } from "../../src/config/schemas.js";
import type { Report } from "../../src/generated/report.js";
import { renderReportHtml } from "../../src/report/report/html.js";
import { renderReportJson } from "../../src/report/report/json.js";
import { renderReportMarkdown, splitMarkdown } from "../../src/report/report/markdown.js";
import { root, runCli, tempTree, type RunResult } from "../helpers/cli.js";

/**
 * The report options of plan, drift and show, run through the sandbox with a canary secret in the
 * environment: the secret of a real pair (which cannot be reached) and one more DWCTL_ variable.
 * No output, file or rendering of the report may hold it, in any encoding.
 */
const canary = "CANARY-REPORT-SECRET-5d1e93c7";
const forms = [canary, Buffer.from(canary).toString("base64"), encodeURIComponent(canary), canary.split("").reverse().join("")];

const realPair = `
  # A real pair nothing listens for: its client secret is the canary.
  - name: real
    financeAndOperations: { url: "https://127.0.0.1:9/finops" }
    dataverse: { url: "https://127.0.0.1:9/dataverse" }
    dualWrite: { url: "https://127.0.0.1:9/dw" }
    allowedHosts: { financeAndOperations: ["127.0.0.1"], dataverse: ["127.0.0.1"], dualWrite: ["127.0.0.1"] }
    legalEntities: [USMF]
    auth: { method: client-secret, tenantId: 11111111-2222-3333-4444-555555555555, clientId: 66666666-7777-8888-9999-000000000000, clientSecretVariable: DWCTL_CLIENT_SECRET }
`;

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};
/** Everything any run printed or wrote, checked for the canary at the end. */
const seen: string[] = [];
const saved = { secret: process.env.DWCTL_CLIENT_SECRET, canary: process.env.DWCTL_CANARY_SECRET };

async function cli(...args: string[]): Promise<RunResult> {
  const result = await runCli(args, dir, env);
  seen.push(result.stdout, result.stderr);
  return result;
}

async function file(name: string): Promise<string> {
  const text = await readFile(join(dir, name), "utf8");
  seen.push(text);
  return text;
}

const mapNames = async (): Promise<string[]> => (await readdir(join(root, "maps/tablemaps"))).map((f) => f.replace(/\.yaml$/, "")).sort();
const mapsIn = (html: string): string[] => [...html.matchAll(/<section class="map" [^>]*data-map="([^"]*)"/g)].map((m) => m[1] ?? "").sort();

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  const environments = join(dir, "maps/environments.yaml");
  await writeFile(environments, (await readFile(environments, "utf8")) + realPair);
  await mkdir(join(dir, "out"));
  process.env.DWCTL_CLIENT_SECRET = canary;
  process.env.DWCTL_CANARY_SECRET = canary;
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings, DWCTL_CLIENT_SECRET: canary, DWCTL_CANARY_SECRET: canary, DWCTL_DEBUG: "1" };
});

afterAll(() => {
  for (const [name, value] of [["DWCTL_CLIENT_SECRET", saved.secret], ["DWCTL_CANARY_SECRET", saved.canary]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("report output of plan, drift and show", () => {
  it("plan --format html prints the report, and --report writes it beside the text plan", async () => {
    const html = await cli("plan", "--env", "stage", "--format", "html");
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n/);
    expect(mapsIn(html.stdout)).toEqual(await mapNames());
    expect(html.stdout).toContain('data-code="pending-deploy"');

    const text = await cli("plan", "--env", "stage", "--report", "out/plan.html", "--out", "out/plan.json");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Plan: ");
    expect(text.stderr).toContain("report written to out/plan.html");
    const written = await file("out/plan.html");
    expect(mapsIn(written)).toEqual(await mapNames());
    const plan = JSON.parse(await file("out/plan.json")) as { integrity: string };
    expect(written).toContain(`<code>${plan.integrity}</code>`);
  }, 120_000);

  it("show --format html renders a saved plan's report, reading no environment", async () => {
    const shown = await cli("show", "out/plan.json", "--format", "html");
    expect(shown.code, shown.stderr).toBe(0);
    expect(mapsIn(shown.stdout)).toEqual(await mapNames());
    expect(shown.stdout).not.toContain("<dt>Last applied</dt>");
    expect(shown.stdout).toContain("<h1>dwctl plan</h1>");
  });

  it("drift --format json follows report.schema.json 1.1 with each pair's plan; --report writes the HTML; a pair not read is a finding", async () => {
    const drift = await cli("drift", "--all", "--format", "json", "--report", "out/drift.html");
    expect(drift.code).toBe(1);
    const report = JSON.parse(drift.stdout) as Report;
    const validate = validatorFor("Report");
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.format_version).toBe("1.1");
    expect(report.pairs.map((p) => [p.pair, p.status, p.plan !== undefined])).toEqual([
      ["prod", "drift", true],
      ["stage", "drift", true],
      ["real", "failed", false],
    ]);
    expect(report.pairs[2]?.findings[0]?.code).toBe("read-failed");
    const html = await file("out/drift.html");
    expect([...html.matchAll(/<section class="pair" [^>]*data-pair="([^"]*)"/g)].map((m) => m[1])).toEqual(["prod", "stage", "real"]);
    // What the GitHub Action renders from the same report.
    const markdown = renderReportMarkdown(report);
    seen.push(markdown, ...splitMarkdown(renderReportMarkdown(report, { limit: Number.POSITIVE_INFINITY }), 20_000), renderReportHtml(report), renderReportJson(report));
    expect(markdown).toContain("### real: could not be read");

    const markdownCli = await cli("drift", "--all", "--format", "markdown");
    expect(markdownCli.stdout).toContain("| 🛑 | `read-failed` |");

    const one = await cli("drift", "--env", "stage", "--format", "html");
    expect(one.code).toBe(2);
    expect(one.stdout).toMatch(/^<!DOCTYPE html>\n/);
    expect(mapsIn(one.stdout)).toEqual(await mapNames());
  }, 180_000);

  it("a real pair that cannot be reached: the plan fails as a user error, and writes no report", async () => {
    const failed = await cli("plan", "--env", "real", "--format", "html", "--report", "out/real.html");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: /m);
    expect(failed.stderr).not.toContain("internal error");
    await expect(readFile(join(dir, "out/real.html"), "utf8")).rejects.toThrow();
  }, 120_000);

  it("a report file that cannot be written is a user error naming it", async () => {
    const result = await cli("plan", "--env", "stage", "--report", "missing/folder/report.html");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot write missing/folder/report.html");
    expect(result.stderr).not.toContain("internal error");
  }, 120_000);

  it("the canary secret never appears in any output, file, summary, comment or report", () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) for (const form of forms) expect(text.includes(form), form).toBe(false);
  });
});
