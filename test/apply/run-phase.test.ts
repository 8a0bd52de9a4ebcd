import { describe, expect, it } from "vitest";
import { KeyIndexFailedError, type ExecuteOptions } from "../../src/apply/execute-action.js";
import { PhaseFailure, runPhase } from "../../src/apply/run-phase.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import type { AlternateKeyStatus } from "../../src/model/snapshot.js";
import type { Action } from "../../src/plan/plan.js";

/** A gateway with only the calls a test scripts; any other call fails the test. */
function gatewayWith(calls: Partial<EnvironmentGateway>): EnvironmentGateway {
  return new Proxy(calls as EnvironmentGateway, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (value === undefined && typeof name === "string" && name !== "then") throw new Error(`unexpected gateway call ${name}`);
      return value;
    },
  });
}

function start(n: number): Action {
  const ref = { entity: `Entity${n}`, table: `table${n}` };
  return { id: `start-${n}`, wave: 3, kind: "startMap", description: `start Entity${n}`, map: `m${n}`, ref, title: `Entity${n}`, initialSync: null } as Action;
}

function key(n: number): Action {
  return { id: `key-${n}`, wave: 1, kind: "createAlternateKey", description: `key ${n}`, table: `table${n}`, schemaName: `key${n}`, displayName: `Key ${n}`, attributes: ["code"] } as Action;
}

function integrationKey(n: number): Action {
  return { id: `ik-${n}`, wave: 1, kind: "setIntegrationKey", description: `ik ${n}`, table: `table${n}`, columns: ["code"], from: null } as Action;
}

function harness(options: Partial<ExecuteOptions> = {}) {
  const events: string[] = [];
  const requestIds = new Map<string, string[] | undefined>();
  const sleeps: number[] = [];
  const exec: ExecuteOptions = {
    keyTimeoutMs: 60_000,
    pollMs: 10,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    note: () => undefined,
    ...options,
  };
  const tracker = {
    started: (action: Action) => events.push(`start ${action.id}`),
    ended: (action: Action, error?: unknown, ids?: string[]) => {
      requestIds.set(action.id, ids);
      events.push(error === undefined ? `ok ${action.id}` : `failed ${action.id}: ${error instanceof Error ? error.message : String(error)}`);
    },
  };
  return { events, requestIds, sleeps, exec, tracker };
}

describe("lifecycle phases", () => {
  it("sends every action, then has the gateway follow them together, ending each as it settles", async () => {
    const sent: string[] = [];
    const followed: string[][] = [];
    const gateway = gatewayWith({
      beginMapAction: async (ref) => {
        sent.push(ref.entity);
        return `req-${ref.entity}`;
      },
      followMapActions: async (requests, ended) => {
        followed.push(requests.map((request) => request.requestId));
        const [first, second, third] = requests;
        if (first === undefined || second === undefined || third === undefined) throw new Error("three requests expected");
        ended(second);
        ended(first);
        ended(third, new Error("start Entity3 failed in the dual-write service: DIPV1003: no integration key"));
      },
    });
    const { events, requestIds, exec, tracker } = harness();
    const failure = await runPhase(gateway, [start(1), start(2), start(3)], 16, exec, tracker).catch((error: unknown) => error);

    expect(sent).toEqual(["Entity1", "Entity2", "Entity3"]);
    expect(followed).toEqual([["req-Entity1", "req-Entity2", "req-Entity3"]]);
    expect(events.filter((event) => !event.startsWith("start"))).toEqual(["ok start-2", "ok start-1", "failed start-3: start Entity3 failed in the dual-write service: DIPV1003: no integration key"]);
    // The service's request ids go to the journal, for a support case.
    expect(Object.fromEntries(requestIds)).toEqual({ "start-1": ["req-Entity1"], "start-2": ["req-Entity2"], "start-3": ["req-Entity3"] });
    expect(failure).toBeInstanceOf(PhaseFailure);
    expect(failure).toMatchObject({ action: { id: "start-3" } });
  });

  it("follows what was sent to its end when a send fails, then reports the send", async () => {
    const gateway = gatewayWith({
      beginMapAction: async (ref) => {
        if (ref.entity === "Entity2") throw new Error("409 the map is being edited");
        return `req-${ref.entity}`;
      },
      followMapActions: async (requests, ended) => {
        for (const request of requests) ended(request);
      },
    });
    const { events, exec, tracker } = harness();
    const failure = await runPhase(gateway, [start(1), start(2), start(3)], 1, exec, tracker).catch((error: unknown) => error);
    // One at a time: after the failed send nothing new starts, and the one sent before it is followed to its end.
    expect(events).toEqual(["start start-1", "start start-2", "failed start-2: 409 the map is being edited", "ok start-1"]);
    expect(failure).toMatchObject({ action: { id: "start-2" } });
  });

  it("ends every action still open when the service cannot be asked", async () => {
    const gateway = gatewayWith({
      beginMapAction: async (ref) => `req-${ref.entity}`,
      followMapActions: async (requests, ended) => {
        if (requests[0] !== undefined) ended(requests[0]);
        throw new Error("GET Entities failed with 503 (6 attempts)");
      },
    });
    const { events, exec, tracker } = harness();
    const failure = await runPhase(gateway, [start(1), start(2)], 16, exec, tracker).catch((error: unknown) => error);
    expect(events.filter((event) => !event.startsWith("start"))).toEqual(["ok start-1", "failed start-2: GET Entities failed with 503 (6 attempts)"]);
    expect(failure).toMatchObject({ action: { id: "start-2" } });
  });
});

describe("alternate key phases", () => {
  it("creates every key first, then polls their statuses together", async () => {
    const created: string[] = [];
    const script: (AlternateKeyStatus | undefined)[][] = [
      ["pending", "active", "inProgress"],
      ["active", "failed"],
    ];
    let polls = 0;
    const asked: string[][] = [];
    const gateway = gatewayWith({
      createAlternateKey: async (_table, k) => {
        created.push(k.schemaName);
      },
      alternateKeyStatuses: async (keys) => {
        asked.push(keys.map((k) => k.schemaName));
        return script[polls++] ?? [];
      },
    });
    const { events, exec, tracker } = harness();
    const failure = await runPhase(gateway, [key(1), key(2), key(3)], 16, exec, tracker).catch((error: unknown) => error);
    expect(created).toEqual(["key1", "key2", "key3"]);
    expect(asked).toEqual([
      ["key1", "key2", "key3"],
      ["key1", "key3"],
    ]);
    expect(events.filter((event) => !event.startsWith("start"))).toEqual(["ok key-2", "ok key-1", "failed key-3: the index of alternate key key3 on table3 failed to build"]);
    expect(failure).toBeInstanceOf(PhaseFailure);
    expect((failure as PhaseFailure).failure).toBeInstanceOf(KeyIndexFailedError);
  });

  it("waits for a key that another writer created first, and fails on a create refused for another reason", async () => {
    const gateway = gatewayWith({
      createAlternateKey: async (_table, k) => {
        throw new Error(k.schemaName === "key1" ? "0x80048d04 key exists" : "0x80040203 invalid attribute");
      },
      alternateKeyStatus: async (_table, schemaName) => (schemaName === "key1" ? "pending" : undefined),
      alternateKeyStatuses: async (keys) => keys.map(() => "active"),
    });
    const { events, exec, tracker } = harness();
    await expect(runPhase(gateway, [key(1), key(2)], 16, exec, tracker)).rejects.toThrow(/invalid attribute/);
    expect(events.filter((event) => !event.startsWith("start"))).toEqual(["failed key-2: 0x80040203 invalid attribute", "ok key-1"]);
  });

  it("fails the keys still building when the key timeout passes", async () => {
    const gateway = gatewayWith({ createAlternateKey: async () => undefined, alternateKeyStatuses: async () => ["inProgress"] });
    const { exec, tracker } = harness({ keyTimeoutMs: 0 });
    await expect(runPhase(gateway, [key(1)], 16, exec, tracker)).rejects.toThrow(/alternate key key1 on table1 is still inProgress after 0 s/);
  });
});

describe("integration key phases", () => {
  it("sets every table's key in one gateway call", async () => {
    const calls: { table: string; columns: string[] }[][] = [];
    const gateway = gatewayWith({
      setIntegrationKeys: async (keys) => {
        calls.push([...keys]);
      },
    });
    const { events, exec, tracker } = harness();
    await runPhase(gateway, [integrationKey(1), integrationKey(2)], 16, exec, tracker);
    expect(calls).toEqual([
      [
        { table: "table1", columns: ["code"] },
        { table: "table2", columns: ["code"] },
      ],
    ]);
    expect(events).toEqual(["start ik-1", "start ik-2", "ok ik-1", "ok ik-2"]);
  });

  it("fails every action of the call when the call fails", async () => {
    const gateway = gatewayWith({
      setIntegrationKeys: async () => {
        throw new Error("setting integration keys was refused");
      },
    });
    const { events, exec, tracker } = harness();
    await expect(runPhase(gateway, [integrationKey(1), integrationKey(2)], 16, exec, tracker)).rejects.toBeInstanceOf(PhaseFailure);
    expect(events.filter((event) => event.startsWith("failed"))).toHaveLength(2);
  });
});
