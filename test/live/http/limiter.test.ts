import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ConcurrencyLimiter } from "../../../src/live/http/limiter.js";

describe("ConcurrencyLimiter", () => {
  it("never runs more than the limit at once and records the peak", async () => {
    const limiter = new ConcurrencyLimiter(3);
    let running = 0;
    let observedPeak = 0;
    const tasks = Array.from({ length: 20 }, (_, index) =>
      limiter.run(async () => {
        running++;
        observedPeak = Math.max(observedPeak, running);
        await sleep(index % 3);
        running--;
        return index;
      }),
    );
    expect(await Promise.all(tasks)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(observedPeak).toBe(3);
    expect(limiter.peak).toBe(3);
    expect(limiter.inFlight).toBe(0);
  });

  it("applies a lowered limit to new acquisitions and a raised one at once", async () => {
    const limiter = new ConcurrencyLimiter(2);
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    limiter.setLimit(1);
    let thirdGranted = false;
    const third = limiter.acquire().then((release) => {
      thirdGranted = true;
      return release;
    });
    first();
    await sleep(1);
    expect(thirdGranted).toBe(false);
    second();
    (await third)();
    expect(thirdGranted).toBe(true);
    limiter.setLimit(4);
    const held = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(limiter.inFlight).toBe(4);
    held.forEach((release) => release());
  });

  it("drops a waiter whose signal aborts and ignores a double release", async () => {
    const limiter = new ConcurrencyLimiter(1);
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(limiter.waiting).toBe(0);
    release();
    release();
    expect(limiter.inFlight).toBe(0);
  });
});
