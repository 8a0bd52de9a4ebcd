import { describe, expect, it } from "vitest";
import { chooseVersion, compareVersionNumbers, rankVersions } from "../../src/model/choose-version.js";

const t = (id: string, publisher: string, number: string) => ({ id, publisher, number });

describe("DW Helper's version policy (dualwrite-service.md §5.2)", () => {
  const templates = [t("a1", "contoso", "1.0.0.9"), t("b2", "contoso", "1.0.0.10"), t("c3", "microsoft", "2.0.0.0"), t("d4", "fabrikam", "1.0.0.10")];

  it("takes the highest version by the named publishers, comparing numbers part by part (1.0.0.10 above 1.0.0.9)", () => {
    expect(chooseVersion(templates, undefined, { publishers: ["contoso"] })).toEqual({ kind: "switch", template: t("b2", "contoso", "1.0.0.10") });
    expect(compareVersionNumbers("1.0.0.10", "1.0.0.9")).toBeGreaterThan(0);
    expect(compareVersionNumbers("2.0.0.0", "10.0.0.0")).toBeLessThan(0);
  });

  it("takes every publisher when none is named (DW Helper's Any)", () => {
    expect(chooseVersion(templates, undefined, { publishers: [] })).toMatchObject({ kind: "switch", template: { id: "c3" } });
  });

  it("breaks a tie of versions by publisher, then by id", () => {
    expect(rankVersions(templates, { publishers: ["fabrikam", "contoso"] }).map((v) => v.id)).toEqual(["b2", "d4", "a1"]);
    const twins = [t("z9", "contoso", "1.0.0.1"), t("a0", "contoso", "1.0.0.1")];
    expect(chooseVersion(twins, undefined, { publishers: ["contoso"] })).toMatchObject({ template: { id: "a0" } });
  });

  it("keeps the active template when the winner has its version and publisher, whatever the case", () => {
    const twins = [t("z9", "contoso", "1.0.0.1"), t("a0", "contoso", "1.0.0.1")];
    expect(chooseVersion(twins, { publisher: "Contoso", number: "1.0.0.1" }, { publishers: ["contoso"] }).kind).toBe("active");
    expect(chooseVersion(templates, { publisher: "contoso", number: "1.0.0.9" }, { publishers: ["contoso"] }).kind).toBe("switch");
  });

  it("compares the publishers without regard to case", () => {
    expect(chooseVersion(templates, undefined, { publishers: ["MICROSOFT"] })).toMatchObject({ kind: "switch", template: { id: "c3" } });
    expect(chooseVersion([t("x", "Contoso", "1.0.0.0")], undefined, { publishers: ["contoso"] })).toMatchObject({ template: { id: "x" } });
  });

  it("keeps only the exact version when one is asked for", () => {
    expect(chooseVersion(templates, undefined, { publishers: ["contoso"], exact: "1.0.0.9" })).toMatchObject({ template: { id: "a1" } });
    expect(chooseVersion(templates, undefined, { publishers: [], exact: "1.0.0.10" })).toMatchObject({ template: { id: "b2" } });
    expect(chooseVersion(templates, undefined, { publishers: ["microsoft"], exact: "1.0.0.10" })).toEqual({ kind: "none" });
  });

  it("finds none when no template is by the named publishers, or there is no template at all", () => {
    expect(chooseVersion(templates, { publisher: "contoso", number: "1.0.0.9" }, { publishers: ["northwind"] })).toEqual({ kind: "none" });
    expect(chooseVersion([], undefined, { publishers: [] })).toEqual({ kind: "none" });
  });
});
