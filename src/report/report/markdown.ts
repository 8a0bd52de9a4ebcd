import { findingRow, findingsTableHeader } from "../drift/markdown.js";
import { markdownLimit } from "../plan/markdown.js";
import { storyLines, summaryLine } from "../plan/phrases.js";
import { fenceFor, markdownHtmlText, markdownText, visibleLines } from "./safe-text.js";
import { fullReportCommand, headline, pairState, type PairReport, type Report } from "./model.js";

/** GitHub refuses a comment body, and truncates a job summary, beyond this many characters. */
export const githubCommentLimit = 65_536;

export interface MarkdownReportOptions {
  /** The most characters to write; by default 65,000, which leaves room for a wrapper under GitHub's 65,536. */
  limit?: number;
  /**
   * Where the full report is, named when something had to be cut: for example the workflow run's
   * artifact. The label is escaped; the URL must be https. By default, the command that writes it.
   */
  fullReport?: { label: string; url?: string };
}

/** What the note at the end counts when something is cut. */
type Kind = "pair" | "confirmation" | "finding" | "warning" | "step" | "actions" | "diff" | "unmanaged";

const kindNames: Record<Kind, string> = {
  pair: "pair section(s)",
  confirmation: "confirmation(s)",
  finding: "finding(s)",
  warning: "warning(s)",
  step: "step(s)",
  actions: "action list(s)",
  diff: "map diff(s)",
  unmanaged: "unmanaged map(s)",
};

/**
 * Cut order, first cut first: diffs (shortened evenly, then left out), then action lists, steps,
 * findings and warnings, and whole pair sections last, each from the end of the report.
 */
const tiers: Record<Kind, number> = { diff: 5, actions: 4, step: 3, unmanaged: 3, warning: 2, finding: 2, confirmation: 2, pair: 1 };

interface Item {
  kind: Kind;
  text: string;
  /** A diff: its body and how to wrap a (possibly shortened) body into the item's text. */
  diff?: { body: string; wrap: (body: string) => string };
  kept: boolean;
}

interface Group {
  kind: Kind;
  /** Text before the first item and after the last; written only when an item is kept. */
  open: string;
  close: string;
  items: Item[];
}

interface PairDoc {
  head: string;
  groups: Group[];
  kept: boolean;
}

const hex = (value: string | null | undefined, length = 12): string | undefined =>
  value !== null && value !== undefined && /^[0-9a-f]{7,64}$/.test(value) ? value.slice(0, length) : undefined;

function item(kind: Kind, text: string): Item {
  return { kind, text, kept: true };
}

function diffItem(summary: string, body: string): Item {
  const wrap = (b: string): string => {
    const shown = b === "" ? "(no textual difference)\n" : b.endsWith("\n") ? b : `${b}\n`;
    const fence = fenceFor(shown);
    return `<details><summary>${summary}</summary>\n\n${fence}diff\n${shown}${fence}\n\n</details>\n\n`;
  };
  return { kind: "diff", text: wrap(body), diff: { body, wrap }, kept: true };
}

function pairDoc(pair: PairReport, command: Report["command"]): PairDoc {
  const plan = pair.plan;
  const state = pairState(pair, command);
  const head: string[] = [`### ${markdownText(pair.pair)}: ${state.word}`, ""];
  if (plan !== undefined) {
    head.push(`**${summaryLine(plan.summary)}**`, "");
    // Hex only, from dwctl itself: safe to print as is. A reviewer quotes it when approving.
    if (plan.integrity !== undefined && /^[0-9a-f]{64}$/.test(plan.integrity)) head.push(`Plan integrity: \`${plan.integrity}\``, "");
  }
  const meta: string[] = [];
  const fingerprint = hex(pair.fingerprint);
  if (fingerprint !== undefined) meta.push(`live fingerprint \`${fingerprint}\``);
  if (pair.lastApplied !== null) {
    const commit = hex(pair.lastApplied.commit);
    meta.push(`last applied ${markdownText(pair.lastApplied.appliedAt)} by ${markdownText(pair.lastApplied.actor)}${commit === undefined ? "" : ` (commit \`${commit}\`)`}`);
  } else if (command === "drift" && pair.status !== "failed") {
    meta.push("never applied by dwctl");
  }
  if (meta.length > 0) head.push(`<sub>${meta.join(" · ")}</sub>`, "");
  if (plan !== undefined && plan.blockers.length > 0) {
    head.push("> [!CAUTION]", "> **Blocked: apply refuses this plan.**", ...plan.blockers.map((b) => `> - ${markdownText(b.message)}`), "");
  }
  const groups: Group[] = [];
  if (plan !== undefined && plan.confirmationsRequired.length > 0) {
    const how = plan.confirmed ? `Confirmed with --confirm ${pair.pair}.` : `Apply needs --confirm ${pair.pair}:`;
    groups.push({
      kind: "confirmation",
      open: `> [!IMPORTANT]\n> **${markdownText(how)}**\n`,
      close: "\n",
      items: plan.confirmationsRequired.map((c) => item("confirmation", `> - ${markdownText(c.message)}\n`)),
    });
  }
  if (plan !== undefined) {
    const story = storyLines(plan);
    if (story.length > 0) groups.push({ kind: "step", open: "**Steps**\n\n", close: "\n", items: story.map((line, i) => item("step", `${i + 1}. ${markdownText(line)}\n`)) });
    if (plan.actions.length > 0) {
      const lines = [`<details><summary>${plan.actions.length} action(s) in ${plan.waves.length} wave(s)</summary>`, ""];
      for (const wave of plan.waves) {
        const actions = plan.actions.filter((a) => a.wave === wave.index);
        lines.push(`**Wave ${wave.index}: ${markdownText(wave.title)}**`, "", ...actions.map((a, i) => `${i + 1}. ${markdownText(a.description)}`), "");
      }
      lines.push("</details>", "", "");
      groups.push({ kind: "actions", open: "", close: "", items: [item("actions", lines.join("\n"))] });
    }
    if (plan.warnings.length > 0) {
      groups.push({
        kind: "warning",
        open: "**Warnings**\n\n",
        close: "\n",
        items: plan.warnings.map((w) => item("warning", `- ${w.map === null ? "" : `**${markdownText(w.map)}**: `}${markdownText(w.message)}\n`)),
      });
    }
  }
  if (pair.findings.length > 0) {
    groups.push({ kind: "finding", open: `**Findings**\n\n${findingsTableHeader.join("\n")}\n`, close: "\n", items: pair.findings.map((f) => item("finding", `${findingRow(f, markdownText)}\n`)) });
  } else if (plan === undefined || command === "drift") {
    head.push("No findings.", "");
  }
  if (plan !== undefined) {
    const saves = plan.actions.filter((a) => a.kind === "saveMapDefinition");
    if (saves.length > 0) {
      groups.push({
        kind: "diff",
        open: "**Map diffs**\n\n",
        close: "",
        items: saves.map((s) => diffItem(`<b>${markdownHtmlText(s.title)}</b>: ${markdownHtmlText(s.description)}`, visibleLines(s.diff))),
      });
    }
    if (plan.unmanaged.length > 0) {
      groups.push({
        kind: "unmanaged",
        open: "**Unmanaged maps: live, not in git, never touched**\n\n",
        close: "\n",
        items: plan.unmanaged.map((u) => item("unmanaged", `- ${markdownText(u.title)}, ${markdownText(u.state)}\n`)),
      });
    }
  }
  return { head: `${head.join("\n")}\n`, groups, kept: true };
}

const groupText = (g: Group): string => {
  const kept = g.items.filter((i) => i.kept);
  return kept.length === 0 ? "" : g.open + kept.map((i) => i.text).join("") + g.close;
};

const pairText = (p: PairDoc): string => (p.kept ? p.head + p.groups.map(groupText).join("") : "");

/** Cuts a diff's body to about `budget` characters at a line end, saying how many lines were left out. */
function shortenDiff(body: string, budget: number): { body: string; linesCut: number } {
  if (body.length <= budget) return { body, linesCut: 0 };
  const lines = body.replace(/\n$/, "").split("\n");
  const kept: string[] = [];
  // Room for the line that says how many lines were left out.
  let used = 60;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  const cut = lines.length - kept.length;
  return { body: `${kept.join("\n")}${kept.length === 0 ? "" : "\n"}… ${cut} more line(s) of this diff not shown\n`, linesCut: cut };
}

/** The smallest diff body worth showing; below it a diff is left out rather than shortened. */
const minDiff = 300;
/** Room kept for the note that says what was cut. */
const noteRoom = 700;

/**
 * The report as Markdown for a job summary or a pull-request comment: a section per pair with its
 * summary, blockers, confirmations, steps, warnings, findings and a folded diff of each map saved.
 * Only GitHub-safe HTML (details, summary, b, sub); every text from git or the live side escaped.
 * Under the limit (65,000 by default): diffs are shortened evenly first, then parts are left out,
 * most detailed first, and a note says what was cut and where the full report is.
 */
export function renderReportMarkdown(report: Report, options: MarkdownReportOptions = {}): string {
  const limit = options.limit ?? markdownLimit;
  if (limit < 2_000) throw new RangeError("renderReportMarkdown needs a limit of at least 2,000 characters");
  const top = `## ${markdownText(`dwctl ${report.command}`)}\n\n**${markdownText(headline(report))}**\n\n`;
  const pairs = report.pairs.map((p) => pairDoc(p, report.command));
  const commit = hex(report.commit);
  const footer = `<sub>${commit === undefined ? "no commit" : `commit \`${commit}\``} · generated ${markdownText(report.generatedAt)} · report format ${markdownText(report.format_version)}</sub>\n`;
  const body = (): string => top + pairs.map(pairText).join("");
  const full = body() + footer;
  if (full.length <= limit) return full;

  const budget = limit - noteRoom;
  const items = pairs.flatMap((p) => p.groups.flatMap((g) => g.items.map((i) => ({ pair: p, group: g, item: i }))));
  let total = full.length;
  /** Leaves an item out, keeping `total` exact: a group with no item left loses its open and close too. */
  const drop = (entry: (typeof items)[number]): void => {
    if (!entry.item.kept || !entry.pair.kept) return;
    entry.item.kept = false;
    total -= entry.item.text.length;
    if (!entry.group.items.some((i) => i.kept)) total -= entry.group.open.length + entry.group.close.length;
  };
  const replace = (entry: (typeof items)[number], text: string): void => {
    total += text.length - entry.item.text.length;
    entry.item.text = text;
  };
  let linesCut = 0;
  let shortened = 0;

  // 1. Shorten diffs evenly (water-filling: a small diff keeps all of itself, the rest share what is left).
  const diffs = items.filter((e) => e.item.diff !== undefined);
  let bodies = diffs.reduce((n, d) => n + (d.item.diff?.body.length ?? 0), 0);
  let keptDiffs = diffs.length;
  for (let i = diffs.length - 1; i >= 0 && budget - (total - bodies) < keptDiffs * minDiff; i--) {
    const entry = diffs[i];
    if (entry === undefined) continue;
    drop(entry);
    bodies -= entry.item.diff?.body.length ?? 0;
    keptDiffs -= 1;
  }
  let room = budget - (total - bodies);
  const kept = diffs.filter((d) => d.item.kept).sort((a, b) => (a.item.diff?.body.length ?? 0) - (b.item.diff?.body.length ?? 0));
  for (const [index, entry] of kept.entries()) {
    const diff = entry.item.diff;
    if (diff === undefined) continue;
    const share = Math.floor(room / (kept.length - index));
    const cut = shortenDiff(diff.body, Math.max(minDiff, share));
    if (cut.linesCut > 0) {
      shortened += 1;
      linesCut += cut.linesCut;
    }
    replace(entry, diff.wrap(cut.body));
    room -= cut.body.length;
  }

  // 2. Leave out whole parts, most detailed first, from the end of the report.
  const byTier = [...items].reverse().sort((a, b) => tiers[b.item.kind] - tiers[a.item.kind]);
  for (const entry of byTier) {
    if (total <= budget) break;
    drop(entry);
  }
  for (const pair of [...pairs].reverse()) {
    if (total <= budget || pair === pairs[0]) break;
    total -= pairText(pair).length;
    pair.kept = false;
  }

  const cutCounts = new Map<Kind, number>();
  for (const p of pairs) {
    if (!p.kept) cutCounts.set("pair", (cutCounts.get("pair") ?? 0) + 1);
    else for (const g of p.groups) for (const i of g.items) if (!i.kept) cutCounts.set(i.kind, (cutCounts.get(i.kind) ?? 0) + 1);
  }
  const parts: string[] = [];
  if (shortened > 0) parts.push(`${shortened} map diff(s) shortened (${linesCut} line(s) not shown)`);
  const left = [...cutCounts.entries()].sort((a, b) => tiers[a[0]] - tiers[b[0]]).map(([k, n]) => `${n} ${kindNames[k]}`);
  if (left.length > 0) parts.push(`left out: ${left.join(", ")}`);
  const where = options.fullReport;
  const pointer =
    where !== undefined && where.url !== undefined && /^https:\/\/[^\s()<>]+$/.test(where.url)
      ? `[${markdownText(where.label)}](${where.url})`
      : markdownText(where?.label ?? fullReportCommand(report));
  const note = `> [!NOTE]\n> **Cut to stay under GitHub's ${githubCommentLimit.toLocaleString("en-US")}-character limit:** ${parts.length === 0 ? "the end of the report" : parts.join("; ")}. The full report: ${pointer}.\n\n`;
  const result = body() + note + footer;
  if (result.length <= limit) return result;
  // Last resort (one part larger than the limit): cut at a paragraph end, outside any fence or details block.
  const end = `> [!NOTE]\n> **Cut to stay under GitHub's ${githubCommentLimit.toLocaleString("en-US")}-character limit:** ${[...parts, "the rest of the report"].join("; ")}. The full report: ${pointer}.\n\n${footer}`;
  const text = body();
  let at = text.lastIndexOf("\n\n", limit - end.length) + 2;
  while (at > 2 && !balanced(text.slice(0, at))) at = text.lastIndexOf("\n\n", at - 3) + 2;
  return (at > 2 ? text.slice(0, at) : top) + end;
}

/** Whether a Markdown prefix closes every fence and details block it opens. */
function balanced(prefix: string): boolean {
  const states = lineStates(prefix);
  const last = states[states.length - 1];
  return last === undefined || (last.fence === undefined && last.depth === 0);
}

interface LineState {
  /** Index of the line's first character. */
  start: number;
  /** The fence open before this line, with its opening line. */
  fence: { marker: string; opener: string } | undefined;
  /** <details> blocks open before this line. */
  depth: number;
  /** How good a place to split this line start is: 3 heading, 2 details, 1 after a blank line, 0 any line. */
  rank: number;
}

/** Per line (and one past the end): whether it starts inside a fence or a details block. */
function lineStates(text: string): LineState[] {
  const states: LineState[] = [];
  let fence: LineState["fence"];
  let depth = 0;
  let start = 0;
  let previousBlank = true;
  // A bold line ("**Warnings**") titles what follows: no split right after it.
  let previousLabel = false;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const line = text.slice(start, nl === -1 ? text.length : nl);
    const rank = /^#{1,3} /.test(line) ? 3 : /^<details[\s>]/.test(line) && !previousLabel ? 2 : previousBlank && !previousLabel ? 1 : 0;
    states.push({ start, fence, depth, rank });
    if (nl === -1) break;
    if (fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] !== undefined && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length) fence = undefined;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open?.[1] !== undefined) fence = { marker: open[1], opener: line };
      else depth = Math.max(0, depth + (line.match(/<details[\s>]/g)?.length ?? 0) - (line.match(/<\/details>/g)?.length ?? 0));
    }
    previousBlank = line.trim() === "";
    if (!previousBlank) previousLabel = /^\*\*[^*].*\*\*$/.test(line);
    start = nl + 1;
  }
  return states;
}

/**
 * Splits Markdown into bodies of at most `limit` characters each, for a report too long for one
 * comment. It splits between sections (a heading), else before a details block, else between
 * paragraphs, outside any fenced block or details block, so the parts put together are the text.
 * Only when one block is longer than the limit is it split inside: the part closes its fence and
 * details blocks and the next opens them again ("continued").
 */
export function splitMarkdown(text: string, limit: number = markdownLimit): string[] {
  if (limit < 200) throw new RangeError("splitMarkdown needs a limit of at least 200 characters");
  const states = lineStates(text);
  const parts: string[] = [];
  let start = 0;
  let prefix = "";
  while (prefix.length + text.length - start > limit) {
    const room = limit - prefix.length;
    const candidates = states.filter((s) => s.start > start && s.start < text.length && s.start - start <= room);
    const clean = candidates.filter((s) => s.fence === undefined && s.depth === 0);
    const pick = (list: LineState[]): LineState | undefined => {
      const best = Math.max(...list.map((s) => s.rank));
      const late = list.filter((s) => s.rank === best && s.start - start >= room / 2);
      return (late.length > 0 ? late : list.filter((s) => s.rank === best)).pop();
    };
    const late = clean.filter((s) => s.start - start >= room / 4);
    const choice = pick(late.length > 0 ? late : clean);
    if (choice !== undefined) {
      parts.push(prefix + text.slice(start, choice.start));
      start = choice.start;
      prefix = "";
      continue;
    }
    // Inside a block longer than the limit: close it here, open it again in the next part.
    const closing = (s: { fence: LineState["fence"]; depth: number }): string => `${s.fence === undefined ? "" : `${s.fence.marker}\n`}${"\n</details>\n".repeat(s.depth)}`;
    const opening = (s: { fence: LineState["fence"]; depth: number }): string => `${"<details><summary>(continued)</summary>\n\n".repeat(s.depth)}${s.fence === undefined ? "" : `${s.fence.opener}\n`}`;
    const forced = candidates.filter((s) => s.start - start + closing(s).length <= room).pop();
    if (forced !== undefined) {
      parts.push(prefix + text.slice(start, forced.start) + closing(forced));
      start = forced.start;
      prefix = opening(forced);
      continue;
    }
    // One line longer than the limit: cut inside it.
    const state = [...states].reverse().find((s) => s.start <= start) ?? { fence: undefined, depth: 0 };
    const close = `\n${closing(state)}`;
    let at = start + Math.max(1, room - close.length);
    const code = text.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at -= 1;
    parts.push(prefix + text.slice(start, at) + close);
    start = at;
    prefix = opening(state);
  }
  if (start < text.length || parts.length === 0) parts.push(prefix + text.slice(start));
  return parts;
}
