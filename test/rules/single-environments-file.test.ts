import { describe, expect, it } from "vitest";
import { edit, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const devPair = `  - name: dev
    sandbox: true
    financeAndOperations: { url: "http://127.0.0.1/dev/finops" }
    dataverse: { url: "http://127.0.0.1/dev/dataverse" }
    legalEntities: [USMF]
`;

describe("DW104 environment pairs live in one file", () => {
  it("reports a second Environments file at its kind, naming the first file", () => {
    const files = estateWith({ "maps/environments-dev.yaml": `kind: Environments\npairs:\n${devPair}` });
    const [d] = expectDiagnostics(files, ["maps/environments-dev.yaml:1:7 DW104"]);
    expect(d).toMatchObject({ code: "DW104", severity: "error", file: "maps/environments-dev.yaml", line: 1, column: 7 });
    expect(d?.message).toBe("environment pairs are also declared in maps/environments.yaml");
  });

  it("passes when the same pair is added to maps/environments.yaml", () => {
    const files = edit("maps/environments.yaml", "  - name: stage\n", `${devPair}  - name: stage\n`);
    expect(validate(files)).toEqual([]);
  });
});
