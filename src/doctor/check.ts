/** One line of `dwctl doctor`: what was checked, how it came out, and what to do when it failed. */
export type CheckStatus = "pass" | "fail" | "warn" | "skip";

export interface DoctorCheck {
  /** Stable: scripts match on it (`api.dataverse`, `users.dataverse`, …). */
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** What to do; null when the check passed or was skipped. */
  fix: string | null;
}

export interface DoctorReport {
  pair: string;
  checks: DoctorCheck[];
}

export function pass(id: string, title: string, detail: string): DoctorCheck {
  return { id, title, status: "pass", detail, fix: null };
}

export function fail(id: string, title: string, detail: string, fix: string): DoctorCheck {
  return { id, title, status: "fail", detail, fix };
}

export function warn(id: string, title: string, detail: string, fix: string): DoctorCheck {
  return { id, title, status: "warn", detail, fix };
}

export function skip(id: string, title: string, detail: string): DoctorCheck {
  return { id, title, status: "skip", detail, fix: null };
}

/** 0 when nothing failed (warnings and skips allowed), 1 otherwise. */
export function exitCodeOf(report: DoctorReport): number {
  return report.checks.some((check) => check.status === "fail") ? 1 : 0;
}

/**
 * A read that could not be done, in plain data: which service, and why. `refused`: the service
 * answered 401/403 to the token; `no-token`: no token could be had for the scope; `unreachable`: no
 * answer; `error`: any other failure.
 */
export interface ReadFailure {
  kind: "refused" | "no-token" | "unreachable" | "error";
  message: string;
  hint: string;
  scope?: string;
  status?: number;
}

export type Read<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure };
