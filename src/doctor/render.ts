import { redact } from "../live/http/redact.js";
import type { Palette } from "../report/colour.js";
import { escapeControl } from "../report/escape.js";
import type { CheckStatus, DoctorCheck, DoctorReport } from "./check.js";

const MARKS: Record<CheckStatus, string> = { pass: "✓", fail: "✗", warn: "!", skip: "-" };

/** Text from an environment is printed as text on one line: redacted, control characters (newlines too) escaped. */
const safe = (text: string): string => escapeControl(redact(text));

/** One line a check (`✓ id  title — detail`), then `fix: …` under a failure or warning, then a summary line. */
export function renderDoctorText(report: DoctorReport, palette: Palette): string {
  const colour: Record<CheckStatus, (s: string) => string> = { pass: palette.green, fail: palette.red, warn: palette.yellow, skip: palette.dim };
  const width = Math.max(...report.checks.map((check) => check.id.length));
  const lines = [palette.bold(`dwctl doctor: pair ${safe(report.pair)}`)];
  for (const check of report.checks) {
    lines.push(`${colour[check.status](MARKS[check.status])} ${check.id.padEnd(width)}  ${safe(check.title)} — ${safe(check.detail)}`);
    if (check.fix !== null && (check.status === "fail" || check.status === "warn")) lines.push(`  ${" ".repeat(width)}  fix: ${safe(check.fix)}`);
  }
  const count = (status: CheckStatus): number => report.checks.filter((check) => check.status === status).length;
  const failed = count("fail");
  lines.push(
    "",
    `${failed === 0 ? palette.green("OK") : palette.red("FAILED")}: ${count("pass")} passed, ${failed} failed, ${count("warn")} warning${count("warn") === 1 ? "" : "s"}, ${count("skip")} skipped`,
  );
  return `${lines.join("\n")}\n`;
}

/** `--format json`: the pair and a stable list of checks `{id, title, status, detail, fix}`. */
export function renderDoctorJson(report: DoctorReport): string {
  const clean = (check: DoctorCheck): DoctorCheck => ({ ...check, title: redact(check.title), detail: redact(check.detail), fix: check.fix === null ? null : redact(check.fix) });
  return `${JSON.stringify({ pair: report.pair, ok: !report.checks.some((check) => check.status === "fail"), checks: report.checks.map(clean) }, null, 2)}\n`;
}
