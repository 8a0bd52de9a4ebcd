import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApplyRefusedError, applyPlan, type ApplyOptions } from "../../src/apply/apply-plan.js";
import { LockLostError } from "../../src/apply/heartbeat.js";
import { RecordConflictError, type EnvironmentGateway } from "../../src/live/gateway.js";
import type { AlternateKeyStatus, RecordKind, Snapshot, StoredRecord } from "../../src/model/snapshot.js";
import { liveFromDesired, pairDesired, planEstate, planOf, steps } from "../plan/builders.js";

/**
 * A re-run after a crash plans from a live state that is still settling: a key index the
 * crashed run created is still building, a map it started is still in its initial sync. By the
 * time the re-run holds the lock, the platform has moved on, so the fingerprint differs. When a
 * plan made now is the same plan, apply goes ahead; when it differs, apply refuses as before.
 * (Found by crash.test.ts with realistic key build times.)
 */

/** An in-memory gateway whose live state is a fixed snapshot; records are real compare-and-swap. */
class SettledGateway implements EnvironmentGateway {
  readonly pair = "stage";
  readonly calls: string[] = [];
  readonly #records = new Map<RecordKind, StoredRecord>();
  #etag = 0;

  constructor(readonly live: Snapshot) {}

  async snapshot(): Promise<Snapshot> {
    return { ...structuredClone(this.live), lock: this.#records.get("lock"), lastApplied: this.#records.get("lastApplied") };
  }
  async setIntegrationKeys(keys: readonly { table: string; columns: string[] }[]): Promise<void> {
    for (const { table, columns } of keys) this.calls.push(`setIntegrationKey ${table} ${columns.join(",")}`);
  }
  async alternateKeyStatus(table: string, schemaName: string): Promise<AlternateKeyStatus | undefined> {
    return this.live.alternateKeys.find((k) => k.table === table && k.schemaName === schemaName)?.status;
  }
  async alternateKeyStatuses(keys: readonly { table: string; schemaName: string }[]): Promise<(AlternateKeyStatus | undefined)[]> {
    return Promise.all(keys.map((key) => this.alternateKeyStatus(key.table, key.schemaName)));
  }
  async readRecord(kind: RecordKind): Promise<StoredRecord | undefined> {
    return this.#records.get(kind);
  }
  async writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
    const current = this.#records.get(kind);
    if ("absent" in condition ? current !== undefined : current?.etag !== condition.etag) throw new RecordConflictError(kind);
    const stored = { kind, value, etag: `W/"${++this.#etag}"` };
    this.#records.set(kind, stored);
    return stored;
  }
  async deleteRecord(kind: RecordKind, etag: string): Promise<void> {
    if (this.#records.get(kind)?.etag !== etag) throw new RecordConflictError(kind);
    this.#records.delete(kind);
  }
  async saveMapDefinition(): Promise<{ versionId: string }> {
    throw new Error("not expected");
  }
  async whoAmI(): Promise<never> {
    throw new Error("not expected");
  }
  async hasSolution(): Promise<boolean> {
    throw new Error("not expected");
  }
  async applySolution(): Promise<void> {
    throw new Error("not expected");
  }
  async activateMapVersion(): Promise<void> {
    throw new Error("not expected");
  }
  async refreshTables(): Promise<void> {
    throw new Error("not expected");
  }
  async deleteMap(): Promise<void> {
    throw new Error("not expected");
  }
  async beginMapAction(): Promise<never> {
    throw new Error("not expected");
  }
  async followMapActions(): Promise<never> {
    throw new Error("not expected");
  }
  async runMapAction(): Promise<never> {
    throw new Error("not expected");
  }
  async createAlternateKey(): Promise<void> {
    throw new Error("not expected");
  }
  async reactivateAlternateKey(): Promise<void> {
    throw new Error("not expected");
  }
  async rowsOnBothSides(): Promise<never> {
    throw new Error("not expected");
  }
  async readColumnMetadata(): Promise<never> {
    throw new Error("not expected");
  }
  async missingPublishers(): Promise<never> {
    throw new Error("not expected");
  }
  async resetLink(): Promise<void> {
    throw new Error("not expected");
  }
  async cleanRuntimeConfiguration(): Promise<number> {
    throw new Error("not expected");
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function options(log: string[]): ApplyOptions {
  const runsDir = mkdtempSync(join(tmpdir(), "dwctl-apply-"));
  dirs.push(runsDir);
  return {
    runsDir,
    runId: "run-1",
    command: "apply --env stage",
    actor: "test",
    lockTtlMs: 60_000,
    parallelism: 4,
    confirm: undefined,
    keyTimeoutMs: 1_000,
    pollMs: 1,
    log: (line) => log.push(line),
    sleep: async () => undefined,
  };
}

describe("apply after the live state settled since the plan", () => {
  const pd = pairDesired(planEstate());
  const replan = (snapshot: Snapshot): ReturnType<typeof planOf> => planOf(pd, { live: snapshot, lastApplied: undefined });

  /** What a crashed run left: account's key index still building, a map still in its initial sync, one integration key not set yet. */
  function settling(): Snapshot {
    const live = liveFromDesired(pd);
    const key = live.alternateKeys.find((k) => k.table === "account");
    const map = live.maps.find((m) => m.ref.table === "transactioncurrency");
    if (key === undefined || map === undefined) throw new Error("the estate changed: fix the test");
    key.status = "inProgress";
    map.state = "initializing";
    live.integrationKeys = live.integrationKeys.filter((k) => k.table !== "account");
    return live;
  }

  it("applies the plan when a plan made under the lock is the same", async () => {
    const before = settling();
    const plan = replan(before);
    expect(steps(plan)).toEqual(["1 setIntegrationKey account"]);
    expect(plan.warnings.map((w) => w.code)).toContain("key-index-building");
    const after = structuredClone(before);
    for (const key of after.alternateKeys) key.status = "active";
    for (const map of after.maps) map.state = "running";
    const gateway = new SettledGateway(after);
    const log: string[] = [];
    const result = await applyPlan(gateway, plan, { desired: pd, replan, saved: false }, options(log));
    expect(gateway.calls).toEqual(["setIntegrationKey account accountnumber,msdyn_company.cdm_companycode"]);
    expect(log.join("\n")).toContain("but a plan made now is the same: applying it");
    expect(readFileSync(result.journal, "utf8")).toContain('"step":"fingerprint"');
    expect(await gateway.readRecord("lock")).toBeUndefined();
    expect(await gateway.readRecord("lastApplied")).toBeDefined();
  });

  it("still refuses when a plan made under the lock differs", async () => {
    const before = settling();
    const plan = replan(before);
    const after = structuredClone(before);
    const stopped = after.maps.find((m) => m.ref.table === "account");
    if (stopped === undefined) throw new Error("no account map");
    stopped.state = "stopped"; // someone stopped a map in the UI since the plan
    const gateway = new SettledGateway(after);
    const refused = applyPlan(gateway, plan, { desired: pd, replan, saved: false }, options([]));
    await expect(refused).rejects.toBeInstanceOf(ApplyRefusedError);
    await expect(refused).rejects.toThrow(/the live environment changed since the plan was made/);
    expect(gateway.calls).toEqual([]);
    expect(await gateway.readRecord("lock")).toBeUndefined();
    expect(await gateway.readRecord("lastApplied")).toBeUndefined();
  });
});

describe("progress records after each wave", () => {
  const pd = pairDesired(planEstate());
  const replan = (snapshot: Snapshot): ReturnType<typeof planOf> => planOf(pd, { live: snapshot, lastApplied: undefined });

  /** Two waves: account's integration key first, then a start of the account map. */
  function twoWaves(): Snapshot {
    const live = liveFromDesired(pd);
    live.integrationKeys = live.integrationKeys.filter((k) => k.table !== "account");
    const map = live.maps.find((m) => m.ref.table === "account");
    if (map === undefined) throw new Error("the estate changed: fix the test");
    map.state = "stopped";
    return live;
  }

  class StolenLockGateway extends SettledGateway {
    lockWrites = 0;
    override async writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
      // The first write takes the lock; someone else takes it over before the progress write after wave 1.
      if (kind === "lock" && ++this.lockWrites === 2) throw new RecordConflictError("lock");
      return super.writeRecord(kind, value, condition);
    }
    override async beginMapAction(): Promise<never> {
      this.calls.push("beginMapAction");
      throw new Error("the run went on without its lock");
    }
  }

  it("stops before the next wave when the lock was taken over", async () => {
    const live = twoWaves();
    const plan = replan(live);
    expect(new Set(plan.actions.map((a) => a.wave)).size).toBeGreaterThanOrEqual(2);
    const gateway = new StolenLockGateway(live);
    await expect(applyPlan(gateway, plan, { desired: pd, replan, saved: false }, options([]))).rejects.toBeInstanceOf(LockLostError);
    expect(gateway.calls).toEqual(["setIntegrationKey account accountnumber,msdyn_company.cdm_companycode"]);
  });
});
