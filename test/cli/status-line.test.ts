import { describe, expect, it } from "vitest";
import { StatusLine } from "../../src/cli/status-line.js";

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, write: (s: string) => out.push(s), isTTY, columns: 40 };
}

describe("the status line on stderr", () => {
  it("off a terminal, writes one plain line per change of state", () => {
    const s = stream(false);
    const line = new StatusLine(s);
    line.status("waiting 12 s: Dataverse asked us to slow down (429)");
    line.status("waiting 12 s: Dataverse asked us to slow down (429)");
    line.status("waiting for Dataverse: no answer for 10 s");
    line.line("wave 1/3: keys (2 actions)");
    expect(s.out.join("")).toBe(
      "waiting 12 s: Dataverse asked us to slow down (429)\nwaiting for Dataverse: no answer for 10 s\nwave 1/3: keys (2 actions)\n",
    );
  });

  it("on a terminal, updates in place, fits the width, and clears itself before a lasting line", () => {
    const s = stream(true);
    const line = new StatusLine(s);
    line.status("waiting 12 s: Dataverse asked us to slow down (429)");
    line.line("  ✓ save Currencies");
    expect(s.out).toEqual(["\r\u001b[2Kwaiting 12 s: Dataverse asked us to sl…", "\r\u001b[2K", "  ✓ save Currencies\n"]);
  });

  it("escapes control characters from YAML or an environment", () => {
    const s = stream(false);
    const line = new StatusLine(s);
    line.line("  ✓ save Curr\u001b]0;owned\u0007encies");
    line.status("waiting on \u001b[2J");
    expect(s.out.join("")).toBe("  ✓ save Curr\\u001b]0;owned\\u0007encies\nwaiting on \\u001b[2J\n");
  });
});
