import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../../src/report/report/html.js";
import { mapSections, reportFromPlans, type Report } from "../../src/report/report/model.js";
import { root } from "../helpers/cli.js";
import { driftReportFixture, generatedAt, hostileReport, planNamed } from "./report/fixtures.js";

/** The page's globals, as far as these checks use them: the project compiles without the DOM library. */
interface PageElement {
  getAttribute(name: string): string | null;
  readonly attributes: Iterable<{ name: string }>;
}
declare const document: { querySelectorAll(selector: string): Iterable<PageElement> & { length: number }; querySelector(selector: string): PageElement | null; body: PageElement };
declare function getComputedStyle(element: PageElement): { backgroundColor: string };

/**
 * Debian's chromium, which .ci/run installs. Missing, the test fails: the HTML report is only known
 * to read well once a real browser has drawn it.
 */
const executablePath = process.env.DWCTL_CHROMIUM ?? "/usr/bin/chromium";
const artifacts = join(root, "test-artifacts");

const reports: Record<string, Report> = {
  // New maps with their whole definitions as diffs, and a protected pair that needs --confirm.
  plan: reportFromPlans([planNamed("new-map"), planNamed("protected-environment")], { generatedAt }),
  drift: driftReportFixture(),
  hostile: hostileReport(),
};

let browser: Browser | undefined;
const files: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}: install Debian's chromium package (apt-get install chromium; .ci/run does), or set DWCTL_CHROMIUM to its path.`);
  }
  await mkdir(artifacts, { recursive: true });
  for (const [name, report] of Object.entries(reports)) {
    files[name] = join(artifacts, `report-${name}.html`);
    await writeFile(files[name], renderReportHtml(report));
  }
  // One browser for every page; root in CI containers, hence no sandbox.
  browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Visit {
  page: Page;
  problems: string[];
  requests: string[];
}

async function visit(page: Page, file: string): Promise<Visit> {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems, requests };
}

/** The map sections the page shows, per pair, as the DOM has them. */
function mapsOnPage(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("section.map")].map((s) => [s.getAttribute("data-pair") ?? "", s.getAttribute("data-map") ?? ""] as [string, string]),
  );
}

function expectedMaps(report: Report): [string, string][] {
  return report.pairs.flatMap((p) => (p.plan === undefined ? [] : mapSections(p.plan).map((m) => [p.pair, m.map] as [string, string])));
}

describe("the HTML report in a real Chromium", () => {
  it("draws in light and dark mode: no console error, no request, every pair and map section, distinct colours", async () => {
    if (browser === undefined) throw new Error("no browser");
    const backgrounds: Record<string, string> = {};
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
      try {
        for (const name of ["plan", "drift", "hostile"]) {
          const file = files[name] ?? "";
          const report = reports[name];
          if (report === undefined) throw new Error(name);
          const { page, problems, requests } = await visit(await context.newPage(), file);
          expect(problems, `${name} (${colorScheme})`).toEqual([]);
          // Nothing but the file itself: no font, image, style sheet or script from anywhere.
          expect(requests).toEqual([pathToFileURL(file).href]);
          const pairs = await page.evaluate(() => [...document.querySelectorAll("section.pair")].map((s) => s.getAttribute("data-pair")));
          expect(pairs).toEqual(report.pairs.map((p) => p.pair));
          expect(await mapsOnPage(page)).toEqual(expectedMaps(report));
          const diffs = report.pairs.flatMap((p) => p.plan?.actions.filter((a) => a.kind === "saveMapDefinition") ?? []);
          expect(await page.locator("section.map pre.diff").count()).toBe(diffs.length);
          expect(await page.locator("table.findings tbody tr").count()).toBe(report.pairs.reduce((n, p) => n + p.findings.length, 0));
          // Hostile text stays text: no element, script or handler came out of it.
          expect(await page.evaluate(() => document.querySelectorAll("script, img, iframe, object, embed, link, base, form, input").length)).toBe(0);
          expect(await page.evaluate(() => [...document.querySelectorAll("*")].some((e) => [...e.attributes].some((a) => a.name.startsWith("on"))))).toBe(false);
          if (name === "hostile") {
            expect(await page.locator("section.map h4").first().textContent()).toContain("<img src=x onerror=alert(1)>");
          }
          if (name === "plan") {
            backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            const colours = await page.evaluate(() => {
              const colour = (selector: string): string => {
                const element = document.querySelector(selector);
                return element === null ? "" : getComputedStyle(element).backgroundColor;
              };
              return { add: colour("pre.diff .add"), hunk: colour("pre.diff .hunk"), body: getComputedStyle(document.body).backgroundColor };
            });
            expect(colours.add).not.toBe(colours.body);
            expect(colours.hunk).not.toBe(colours.body);
            await page.locator("details.waves").first().evaluate((d) => d.setAttribute("open", ""));
          }
          if (name !== "hostile") await page.screenshot({ path: join(artifacts, `report-${name}-${colorScheme}.png`), fullPage: true });
          await page.close();
        }
      } finally {
        await context.close();
      }
    }
    expect(backgrounds.light).toBe("rgb(255, 255, 255)");
    expect(backgrounds.dark).not.toBe(backgrounds.light);
    for (const name of ["plan", "drift"]) for (const scheme of ["light", "dark"]) expect(existsSync(join(artifacts, `report-${name}-${scheme}.png`))).toBe(true);
  }, 60_000);
});
