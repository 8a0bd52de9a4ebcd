import { describe, expect, it } from "vitest";
import { OutputFileError, describeFailure } from "../../src/cli/failures.js";

const errno = (code: string, path: string) => Object.assign(new Error(`${code}: failed, open '${path}'`), { code, path, syscall: "open" });

describe("describeFailure: errno codes of the user's disk get a message and a hint", () => {
  it.each([
    ["ENOSPC", "no space left on the device", "Free some disk space"],
    ["EACCES", "permission denied", "Check the permissions"],
    ["EROFS", "the file system is read-only", "writable file system"],
  ])("%s while writing the journal", (code, what, hint) => {
    expect(describeFailure(errno(code, ".dwctl/runs/r1/journal.jsonl"))).toEqual({ message: `.dwctl/runs/r1/journal.jsonl: ${what}`, hint: expect.stringContaining(hint) as string });
  });

  it("--out into a folder that is a file, or a full disk", () => {
    expect(describeFailure(new OutputFileError("plan.json", errno("ENOSPC", "/w/plan.json")))).toEqual({ message: "cannot write plan.json: no space left on the device", hint: expect.stringContaining("Free some disk space") as string });
    expect(describeFailure(new OutputFileError("out", errno("EISDIR", "/w/out")))?.message).toBe("cannot write out: it is a folder");
  });

  it("leaves anything else to the internal-error path (a bug in dwctl)", () => {
    expect(describeFailure(new TypeError("x is undefined"))).toBeUndefined();
    expect(describeFailure(errno("ENOENT", "/somewhere"))).toBeUndefined();
  });
});
