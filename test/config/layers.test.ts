import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** The src/ folders a file imports from (static imports, re-exports and dynamic imports), e.g. "rules". */
function importedLayers(file: string): { specifier: string; layer: string }[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((specifier) => ({ specifier, layer: relative(src, resolve(dirname(file), specifier)).split(/[\\/]/)[0] ?? "" }));
}

function violations(layer: string, forbidden: readonly string[]): string[] {
  return sourceFiles(join(src, layer)).flatMap((file) =>
    importedLayers(file)
      .filter((i) => forbidden.includes(i.layer))
      .map((i) => `${relative(src, file)} imports ${i.specifier}`),
  );
}

describe("the layers (DESIGN.md)", () => {
  it("src/config imports neither the rules nor the CLI nor the validation run above it", () => {
    expect(violations("config", ["rules", "cli", "validate"])).toEqual([]);
  });

  it("src/rules does not import the CLI, nor the validation run that calls it", () => {
    expect(violations("rules", ["cli", "validate"])).toEqual([]);
  });

  it("src/validate, the layer where config and rules meet, does not import the CLI", () => {
    expect(violations("validate", ["cli"])).toEqual([]);
  });

  it("finds an import when there is one (the scan itself works)", () => {
    expect(importedLayers(join(src, "validate/validate-sources.ts")).map((i) => i.layer)).toEqual(expect.arrayContaining(["config", "rules"]));
  });
});
