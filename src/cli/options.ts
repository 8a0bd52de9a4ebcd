import { InvalidArgumentError } from "commander";

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("must be a whole number, 0 or more");
  return n;
}

/** 90s, 15m, 2h or a number of seconds. */
export function parseDuration(value: string): number {
  const m = /^([0-9]+)(ms|s|m|h)?$/.exec(value.trim());
  if (m === null) throw new InvalidArgumentError("must be a duration such as 90s, 15m or 2h");
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000);
}
