import { describe, expect, it } from "vitest";
import { validate } from "../helpers/estate.js";
import { edits, expectDiagnostics } from "./rule-helpers.js";

const stage = "  - name: stage\n    sandbox: true\n    refreshedFrom: prod\n";
const noStageOverride = ["maps/tablemaps/customers.yaml", "environments:\n  stage: { state: paused }\n", ""] as const;

describe("DW170 environment pair names are unique", () => {
  it("reports the second pair with a name, at its name", () => {
    const files = edits(["maps/environments.yaml", stage, "  - name: prod\n    sandbox: true\n"], noStageOverride);
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:10:11 DW170"]);
    expect(d).toMatchObject({ code: "DW170", severity: "error", file: "maps/environments.yaml", line: 10, column: 11, endColumn: 15 });
    expect(d?.message).toBe('pair name "prod" is used twice');
  });

  it("passes with distinct names", () => {
    const files = edits(["maps/environments.yaml", stage, "  - name: prod2\n    sandbox: true\n"], noStageOverride);
    expect(validate(files)).toEqual([]);
  });
});
