// The plan written in pieces (README, Benchmarks, Memory) must be the very text it replaced: the same
// JSON file, the same terminal text, the same hashes.
import { describe, expect, it } from "vitest";
import { runsOf, writeFormatted } from "../../../src/cli/output.js";
import { canonicalJson, canonicalSha256, fingerprint, HashedOneByOne, sha256 } from "../../../src/model/fingerprint.js";
import type { Snapshot } from "../../../src/model/snapshot.js";
import { buildPlan } from "../../../src/plan/build-plan.js";
import type { Plan } from "../../../src/plan/plan.js";
import { sealPlan } from "../../../src/plan/seal-plan.js";
import { plain } from "../../../src/report/colour.js";
import { planJsonPieces, renderPlanJson } from "../../../src/report/plan/json.js";
import { planTextPieces, renderPlanText } from "../../../src/report/plan/text.js";
import { scenarios } from "../../plan/scenarios.js";

const plans = scenarios().map((s) => [s.name, sealPlan(buildPlan(s.input))] as const);

describe("the plan JSON in pieces", () => {
  it.each(plans)("%s: the pieces join to renderPlanJson, byte for byte", (_name, plan) => {
    const pieces = [...planJsonPieces(plan)];
    expect(pieces.join("")).toBe(renderPlanJson(plan));
    // One piece per action at least: the JSON is never built whole.
    expect(pieces.length).toBeGreaterThan(plan.actions.length);
  });

  it("leaves out what JSON.stringify leaves out, and writes null where it does", () => {
    const odd = {
      format_version: "1.1",
      gone: undefined,
      empty: [],
      none: {},
      nested: { a: [1, { b: "x\ny" }], c: undefined },
      list: [undefined, () => 1, "\u2028 \ud83d\ude00", { d: [] }],
      fn: () => 2,
      last: null,
    } as unknown as Plan;
    expect([...planJsonPieces(odd)].join("")).toBe(JSON.stringify(odd, null, 2) + "\n");
    expect([...planJsonPieces({} as Plan)].join("")).toBe(JSON.stringify({}, null, 2) + "\n");
    expect([...planJsonPieces({ only: [] } as unknown as Plan)].join("")).toBe(JSON.stringify({ only: [] }, null, 2) + "\n");
  });
});

describe("the plan text in pieces", () => {
  it.each(plans)("%s: whole lines, and each action apart from the next", (_name, plan) => {
    const pieces = [...planTextPieces(plan, plain)];
    expect(pieces.join("")).toBe(renderPlanText(plan, plain));
    for (const piece of pieces) expect(piece.endsWith("\n")).toBe(true);
    expect(pieces.length).toBeGreaterThan(plan.actions.length);
  });

  it("escapes control characters in each action as the whole-plan copy did", () => {
    const [, plan] = plans.find(([name]) => name === "new-map") ?? [];
    if (plan === undefined) throw new Error("no new-map scenario");
    const first = plan.actions[0];
    if (first === undefined) throw new Error("the new-map plan has no action");
    const hostile = { ...plan, pair: "p\u001b[2J", actions: [{ ...first, description: "save \u001b]0;title\u0007 it" }, ...plan.actions.slice(1)] } as Plan;
    const text = renderPlanText(hostile, plain);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("save \\u001b]0;title\\u0007 it");
    expect(text).toContain("dwctl plan: p\\u001b[2J");
  });
});

describe("canonicalSha256", () => {
  it.each(plans)("%s: is sha256 of the canonical JSON", (_name, plan) => {
    expect(canonicalSha256(plan)).toBe(sha256(canonicalJson(plan)));
  });

  it("hashes text longer than one run, with characters outside the BMP on the run boundaries, as one string", () => {
    // Each entry is a whole JSON string; runs of 65,536 characters end between entries, never inside a surrogate pair.
    const holes = new Array<number>(3);
    holes[0] = 1;
    holes[2] = 3;
    const value = { rows: Array.from({ length: 12_000 }, (_, i) => `${"\ud83d\ude00".repeat(i % 7)}row ${i} ü`), holes, skip: undefined, nil: null };
    expect(canonicalJson(value).length).toBeGreaterThan(3 * 65_536);
    expect(canonicalSha256(value)).toBe(sha256(canonicalJson(value)));
    expect(canonicalSha256({ ...value, nil: 0 })).not.toBe(canonicalSha256(value));
  });

  it("hashes a list made one item at a time as the array of its items, making each item only when it is hashed", () => {
    const made: number[] = [];
    const lazy = new HashedOneByOne(function* () {
      for (const n of [3, 1, 2]) {
        made.push(n);
        yield { n, z: "last", a: [n] };
      }
    });
    expect(made).toEqual([]);
    expect(canonicalSha256({ b: lazy, a: 1 })).toBe(sha256(canonicalJson({ b: [3, 1, 2].map((n) => ({ n, z: "last", a: [n] })), a: 1 })));
    expect(made).toEqual([3, 1, 2]);
    expect(canonicalSha256(new HashedOneByOne(() => []))).toBe(sha256("[]"));
  });

  it("is what the snapshot fingerprint is computed with", () => {
    const snapshot = { pair: "p", identity: {}, link: undefined, maps: [{ ref: { entity: "B", table: "b" } }, { ref: { entity: "A", table: "a" } }], lock: { value: 1 }, lastApplied: { value: { x: 1 }, etag: "e" } } as unknown as Snapshot;
    const { lock: _lock, lastApplied, ...rest } = snapshot;
    const sorted = [...rest.maps].sort((a, b) => (a.ref.entity + a.ref.table).localeCompare(b.ref.entity + b.ref.table));
    expect(fingerprint(snapshot)).toBe(sha256(canonicalJson({ ...rest, maps: sorted, lastApplied: lastApplied?.value })));
  });
});

describe("output in runs", () => {
  it("joins pieces into runs of at least the size, losing nothing", () => {
    const pieces = Array.from({ length: 50 }, (_, i) => `piece ${i}\n`);
    const runs = [...runsOf(pieces, 100)];
    expect(runs.join("")).toBe(pieces.join(""));
    for (const run of runs.slice(0, -1)) expect(run.length).toBeGreaterThanOrEqual(100);
    expect([...runsOf([], 100)]).toEqual([]);
    expect([...runsOf(["", ""], 100)]).toEqual([]);
  });

  it("writes a renderer's pieces to stdout ending in one newline, as a renderer's string", () => {
    const written = (render: () => string | Iterable<string>): string => {
      let out = "";
      const io = { cwd: "/", env: {}, stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } };
      writeFormatted(io, "text", { text: render, json: render, markdown: render, html: render });
      return out;
    };
    expect(written(() => ["a\n", "b"])).toBe("a\nb\n");
    expect(written(() => ["a\n", "b\n"])).toBe("a\nb\n");
    expect(written(() => [])).toBe("\n");
    expect(written(() => "a\nb")).toBe(written(() => ["a\n", "b"]));
  });
});
