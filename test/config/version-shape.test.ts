import { describe, expect, it } from "vitest";
import { brief, edit, validate } from "../helpers/estate.js";

const file = "maps/tablemaps/currencies.yaml";
const pinned = "version: { publisher: contoso, number: 1.0.0.0 }";
const withVersion = (version: string) => validate(edit(file, pinned, version));

describe("a map's version: a pin or a follow", () => {
  it("accepts both shapes", () => {
    expect(withVersion(pinned).filter((d) => d.severity === "error")).toEqual([]);
    expect(withVersion("version: { follow: [contoso, microsoft] }").filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reports only the shape a bad value comes closest to, at its file, line and column, with both shapes in the hint", () => {
    const missing = withVersion("version: { publisher: contoso }");
    expect(missing.map((d) => `${brief(d)} ${d.message}`)).toEqual([`${file}:6:10 DW006 version: missing required property "number"`]);
    expect(missing[0]?.hint).toContain("version: { publisher: contoso, number: 1.0.0.0 }");
    expect(missing[0]?.hint).toContain("version: { follow: [contoso] }");

    const mixed = withVersion("version: { follow: [contoso], number: 1.0.0.0 }");
    expect(mixed.map((d) => `${brief(d)} ${d.message}`)).toEqual([`${file}:6:31 DW006 version.number: unknown property "number"`]);
  });

  it("refuses an empty, repeated, too long or misspelt follow list", () => {
    expect(withVersion("version: { follow: [] }").map((d) => `${brief(d)} ${d.message}`)).toEqual([`${file}:6:20 DW006 version.follow: must not be empty`]);
    expect(withVersion("version: { follow: [contoso, contoso] }").map((d) => d.message)).toEqual(["version.follow: items must be unique"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `p${i}`).join(", ");
    expect(withVersion(`version: { follow: [${eleven}] }`).map((d) => d.code)).toEqual(["DW006"]);
    const bad = withVersion("version: { follow: [contoso, my-publisher] }");
    expect(bad.map((d) => `${brief(d)} ${d.message}`)).toEqual([`${file}:6:30 DW006 version.follow[1]: is not a publisher unique name (letters, digits and underscores)`]);
  });

  it("says what a version that is no object should be", () => {
    const scalar = withVersion("version: 1.0.0.0");
    expect(scalar.map((d) => `${brief(d)} ${d.message}`)).toEqual([`${file}:6:10 DW006 version: must be object`]);
    expect(scalar[0]?.hint).toContain("version: { follow: [contoso] }");
  });
});
