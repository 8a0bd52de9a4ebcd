import type { Report } from "./model.js";

/**
 * The report as schemas/report.schema.json describes it. JSON.stringify already writes C0 control
 * characters as \u escapes; DEL, the C1 controls and the line and paragraph separators are written
 * so too, so that the file is safe to print on a terminal and to embed in a script or a page.
 */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
