import { categoryTitle } from "../drift/markdown.js";
import { marker, storyLines, summaryLine } from "../plan/phrases.js";
import type { Action } from "../../plan/plan.js";
import { headline, mapSections, pairState, type Finding, type PairReport, type Report } from "./model.js";
import { htmlLines, htmlText } from "./safe-text.js";

/**
 * Light by default, dark when the reader's system asks for it. The colours are GitHub's Primer
 * tokens, with contrast of at least 4.5:1 for text on both.
 */
const style = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa; --link: #0969da;
  --ok: #1a7f37; --ok-bg: #dafbe1; --warn: #9a6700; --warn-bg: #fff8c5; --bad: #d1242f; --bad-bg: #ffebe9;
  --add: #116329; --add-bg: #dafbe1; --del: #82071e; --del-bg: #ffebe9; --hunk: #0550ae; --hunk-bg: #ddf4ff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23; --link: #4493f8;
    --ok: #3fb950; --ok-bg: #12261e; --warn: #d29922; --warn-bg: #272115; --bad: #f85149; --bad-bg: #25171c;
    --add: #aff5b4; --add-bg: #033a16; --del: #ffdcd7; --del-bg: #67060c; --hunk: #a5d6ff; --hunk-bg: #0c2d6b;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
a { color: var(--link); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0 0 .5rem; display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .4rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
.muted { color: var(--muted); }
.lede { font-size: 1.05rem; margin: .25rem 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; color: var(--muted); }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav { border: 1px solid var(--border); border-radius: 6px; padding: .5rem 1rem; background: var(--panel); margin-bottom: 1.5rem; }
nav ul { margin: .25rem 0; padding-left: 1.25rem; }
section.pair { border: 1px solid var(--border); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
section.map { border-top: 1px solid var(--border); padding: .75rem 0 .25rem; }
.badge { font-size: .8rem; font-weight: 600; border-radius: 2em; padding: .1rem .6rem; border: 1px solid currentColor; white-space: nowrap; }
.tone-ok { color: var(--ok); background: var(--ok-bg); }
.tone-warn { color: var(--warn); background: var(--warn-bg); }
.tone-bad { color: var(--bad); background: var(--bad-bg); }
.callout { border-left: 4px solid; border-radius: 0 6px 6px 0; padding: .5rem 1rem; margin: .75rem 0; }
.callout.tone-bad, .callout.tone-warn { color: var(--fg); }
.callout.tone-bad { border-color: var(--bad); }
.callout.tone-warn { border-color: var(--warn); }
.callout p { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .75rem; }
th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.findings td:nth-child(-n+3) { white-space: nowrap; }
table.findings td:nth-child(4) { min-width: 6rem; }
th { background: var(--panel); }
td.sev { white-space: nowrap; font-weight: 600; }
td.sev.error { color: var(--bad); } td.sev.warning { color: var(--warn); } td.sev.info { color: var(--muted); }
.marker { font-family: ui-monospace, monospace; font-weight: 700; width: 1.5rem; text-align: center; }
ol.story li, ul.actions li { margin: .15rem 0; }
pre.diff { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .5rem 0; overflow-x: auto; margin: .25rem 0 .75rem; }
pre.diff span { display: block; padding: 0 .75rem; white-space: pre; min-height: 1.2em; }
pre.diff .add { color: var(--add); background: var(--add-bg); }
pre.diff .del { color: var(--del); background: var(--del-bg); }
pre.diff .hunk { color: var(--hunk); background: var(--hunk-bg); }
pre.diff .file { color: var(--muted); font-weight: 600; }
details > summary { cursor: pointer; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
@media print { nav { display: none; } section.pair { break-inside: avoid-page; } }
`;

const attr = (text: string): string => htmlText(text);
const hex = (value: string | null | undefined, length = 12): string | undefined =>
  value !== null && value !== undefined && /^[0-9a-f]{7,64}$/.test(value) ? value.slice(0, length) : undefined;

function diffHtml(diff: string): string {
  if (diff === "") return `<pre class="diff"><span class="ctx">(no textual difference)</span></pre>`;
  const lines = diff.replace(/\n$/, "").split("\n");
  const spans = lines.map((line) => {
    const cls = line.startsWith("+++") || line.startsWith("---") ? "file" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : line.startsWith("@@") ? "hunk" : "ctx";
    return `<span class="${cls}">${htmlLines(line)}</span>`;
  });
  return `<pre class="diff">${spans.join("")}</pre>`;
}

function findingsTable(findings: readonly Finding[]): string {
  const rows = findings.map(
    (f) =>
      `<tr data-code="${attr(f.code)}"><td class="sev ${attr(f.severity)}">${htmlText(f.severity)}</td><td><code>${htmlText(f.code)}</code></td><td>${htmlText(categoryTitle[f.category] ?? f.category)}</td><td>${f.map === null ? "" : htmlText(f.map)}</td><td>${htmlText(f.message)}</td><td>${f.hint === null ? "" : htmlText(f.hint)}</td></tr>`,
  );
  return `<table class="findings"><thead><tr><th>severity</th><th>code</th><th>category</th><th>map</th><th>finding</th><th>what to do</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function actionItem(action: Action): string {
  return `<li><span class="marker">${marker(action)}</span> ${htmlText(action.description)}</li>`;
}

function pairSection(pair: PairReport, index: number, command: Report["command"]): string {
  const id = `pair-${index + 1}`;
  const state = pairState(pair, command);
  const out: string[] = [`<section class="pair" id="${id}" data-pair="${attr(pair.pair)}" data-status="${attr(pair.status)}">`];
  out.push(`<h2>${htmlText(pair.pair)} <span class="badge tone-${state.tone}">${htmlText(state.word)}</span></h2>`);
  const plan = pair.plan;
  if (plan !== undefined) out.push(`<p class="lede"><strong>${htmlText(summaryLine(plan.summary))}</strong></p>`);
  const meta: string[] = [];
  if (plan?.integrity !== undefined && /^[0-9a-f]{64}$/.test(plan.integrity)) meta.push(`<dt>Plan integrity</dt><dd><code>${plan.integrity}</code></dd>`);
  const fingerprint = hex(pair.fingerprint);
  if (fingerprint !== undefined) meta.push(`<dt>Live fingerprint</dt><dd><code>${fingerprint}</code></dd>`);
  if (plan !== undefined) meta.push(`<dt>Plan made</dt><dd>${htmlText(plan.createdAt)}${hex(plan.commit) === undefined ? "" : ` from commit <code>${hex(plan.commit) ?? ""}</code>`}</dd>`);
  if (pair.lastApplied !== null) {
    const commit = hex(pair.lastApplied.commit);
    meta.push(`<dt>Last applied</dt><dd>${htmlText(pair.lastApplied.appliedAt)} by ${htmlText(pair.lastApplied.actor)}${commit === undefined ? "" : ` (commit <code>${commit}</code>)`}</dd>`);
  } else if (command === "drift" && pair.status !== "failed") {
    meta.push(`<dt>Last applied</dt><dd>never applied by dwctl</dd>`);
  }
  if (meta.length > 0) out.push(`<dl class="meta">${meta.join("")}</dl>`);
  if (plan !== undefined && plan.blockers.length > 0) {
    out.push(`<div class="callout tone-bad" role="note"><p><strong>Blocked: apply refuses this plan.</strong></p><ul>${plan.blockers.map((b) => `<li>${htmlText(b.message)}</li>`).join("")}</ul></div>`);
  }
  if (plan !== undefined && plan.confirmationsRequired.length > 0) {
    const how = plan.confirmed ? `Confirmed with --confirm ${pair.pair}.` : `Apply needs --confirm ${pair.pair}:`;
    out.push(`<div class="callout tone-warn" role="note"><p><strong>${htmlText(how)}</strong></p><ul>${plan.confirmationsRequired.map((c) => `<li>${htmlText(c.message)}</li>`).join("")}</ul></div>`);
  }
  if (plan !== undefined) {
    const story = storyLines(plan);
    if (story.length > 0) out.push(`<h3>Steps</h3><ol class="story">${story.map((line) => `<li>${htmlText(line)}</li>`).join("")}</ol>`);
    if (plan.warnings.length > 0) {
      out.push(`<h3>Warnings</h3><ul class="warnings">${plan.warnings.map((w) => `<li>${w.map === null ? "" : `<strong>${htmlText(w.map)}</strong>: `}${htmlText(w.message)}</li>`).join("")}</ul>`);
    }
  }
  out.push(`<h3>Findings</h3>`, pair.findings.length === 0 ? `<p class="muted">No findings.</p>` : findingsTable(pair.findings));
  if (plan !== undefined) {
    if (plan.actions.length > 0) {
      out.push(`<h3>Actions</h3><details class="waves"><summary>${plan.actions.length} action(s) in ${plan.waves.length} wave(s), in run order</summary>`);
      for (const wave of plan.waves) {
        const actions = plan.actions.filter((a) => a.wave === wave.index);
        out.push(`<h4>Wave ${wave.index}: ${htmlText(wave.title)}</h4><ul class="actions">${actions.map(actionItem).join("")}</ul>`);
      }
      out.push(`</details>`);
    }
    const maps = mapSections(plan);
    if (maps.length > 0) {
      out.push(`<h3>Maps</h3>`);
      for (const [m, section] of maps.entries()) {
        out.push(`<section class="map" id="${id}-map-${m + 1}" data-pair="${attr(pair.pair)}" data-map="${attr(section.map)}">`);
        out.push(`<h4>${htmlText(section.title)} <span class="muted">${htmlText(section.map)}</span></h4>`);
        out.push(`<ul class="actions">${section.actions.map(actionItem).join("")}</ul>`);
        for (const save of section.saves) out.push(`<p class="muted">${htmlText(save.description)}</p>`, diffHtml(save.diff));
        out.push(`</section>`);
      }
    }
    if (plan.unmanaged.length > 0) {
      out.push(`<h3>Unmanaged maps</h3><p class="muted">Live, not in git, never touched.</p><ul>${plan.unmanaged.map((u) => `<li>${htmlText(u.title)}, ${htmlText(u.state)}</li>`).join("")}</ul>`);
    }
  }
  out.push(`</section>`);
  return out.join("\n");
}

function contents(report: Report): string {
  const items = report.pairs.map((pair, index) => {
    const maps = pair.plan === undefined ? [] : mapSections(pair.plan);
    const inner = maps.length === 0 ? "" : `<ul>${maps.map((m, i) => `<li><a href="#pair-${index + 1}-map-${i + 1}">${htmlText(m.title)}</a></li>`).join("")}</ul>`;
    return `<li><a href="#pair-${index + 1}">${htmlText(pair.pair)}</a> <span class="muted">${htmlText(pairState(pair, report.command).word)}</span>${inner}</li>`;
  });
  return `<nav aria-label="Contents"><strong>Contents</strong><ul>${items.join("")}</ul></nav>`;
}

/**
 * The report as one self-contained HTML file: no script, no external resource (a Content Security
 * Policy forbids both), an inline style for light and dark mode. A section per pair with its plan,
 * findings and a section per map with its actions and coloured diff. Every text is escaped.
 */
export function renderReportHtml(report: Report): string {
  const title = `dwctl ${report.command}${report.pairs.length === 1 ? `: ${report.pairs[0]?.pair ?? ""}` : ""}`;
  const commit = hex(report.commit);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="dwctl (report format ${attr(report.format_version)})">
<title>${htmlText(title)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>${htmlText(`dwctl ${report.command}`)}</h1>
<p class="lede">${htmlText(headline(report))}</p>
<dl class="meta"><dt>Commit</dt><dd>${commit === undefined ? "none" : `<code>${commit}</code>`}</dd><dt>Generated</dt><dd>${htmlText(report.generatedAt)}</dd></dl>
${contents(report)}
</header>
<main>
${report.pairs.map((p, i) => pairSection(p, i, report.command)).join("\n")}
</main>
<footer>dwctl report, format ${htmlText(report.format_version)} (schemas/report.schema.json)</footer>
</body>
</html>
`;
}
