import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loaderCodes } from "../../src/config/loader-codes.js";
import { rules } from "../../src/rules/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("lists every rule code with its severity", () => {
    const rows = new Map([...readme.matchAll(/^\| (DW\d{3}) \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]));
    for (const code of loaderCodes) expect(rows.get(code.code), code.code).toBe("error");
    for (const rule of rules) expect(rows.get(rule.code), rule.code).toBe(rule.severity);
    expect(rows.size).toBe(loaderCodes.length + rules.length);
  });

  it("keeps the two fresh-machine commands", () => {
    expect(readme).toContain("npm ci && npm test");
    expect(readme).toMatch(/npm ci && npx dwctl /);
  });
});
