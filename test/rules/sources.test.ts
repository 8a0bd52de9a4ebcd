import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";

describe("every rule that checks documented platform behaviour names its source", () => {
  it("the rules changed for issue 9 and every rule that repeats a platform validator code", () => {
    const cited = ["DW110", "DW111", "DW112", "DW113", "DW114", "DW123", "DW124", "DW130", "DW140", "DW173"];
    for (const code of cited) {
      const rule = rules.find((r) => r.code === code);
      expect(rule?.source, code).toMatch(/\.md\b/);
    }
  });

  it("DW111 cites DIPV1014 and DIPV1015, not the lookup-target codes DIPV1027 and DIPV1028", () => {
    const source = rules.find((r) => r.code === "DW111")?.source ?? "";
    expect(source).toContain("DIPV1014");
    expect(source).toContain("DIPV1015");
    expect(source).not.toMatch(/DIPV102[78]/);
  });
});
