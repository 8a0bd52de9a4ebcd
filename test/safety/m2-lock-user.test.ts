import type * as os from "node:os";
import { hostname } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { acquireLock } from "../../src/apply/lock.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import type { StoredRecord } from "../../src/model/snapshot.js";

// A uid with no entry in /etc/passwd (a container run with --user 1234): os.userInfo() throws.
vi.mock("node:os", async (importOriginal) => {
  const actual = await importOriginal<typeof os>();
  return {
    ...actual,
    userInfo: () => {
      throw Object.assign(new Error("A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)"), { code: "ERR_SYSTEM_ERROR" });
    },
  };
});

describe("a user the system cannot name", () => {
  it("still takes the lock, held by unknown@<host>", async () => {
    const written: unknown[] = [];
    const gateway = {
      pair: "stage",
      readRecord: async () => undefined,
      writeRecord: async (kind: "lock", value: unknown): Promise<StoredRecord> => {
        written.push(value);
        return { kind, value, etag: 'W/"1"' };
      },
    } as unknown as EnvironmentGateway;
    const held = await acquireLock(gateway, { runId: "run-1", command: "apply --env stage", ttlMs: 60_000 });
    expect(held.value.holder).toBe(`unknown@${hostname()}`);
    expect(written).toEqual([held.value]);
  });
});
