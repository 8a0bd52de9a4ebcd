import type { Plan } from "../../plan/plan.js";
import { escapeStrings } from "../escape.js";
import { storyLines, summaryLine } from "./phrases.js";

/** GitHub's limit for a comment body is 65,536 characters; leave room for a wrapper. */
export const markdownLimit = 65_000;

/** Escapes text from git or the live environment for Markdown and HTML, and keeps @ from mentioning anyone. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]|~#])/g, "\\$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // A zero-width space after the @: GitHub decodes &#64; back to @ before it links mentions.
    .replace(/@/g, "&#64;&#8203;")
    .replace(/\r?\n/g, " ");
}

function fence(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function truncateDiff(diff: string, budget: number, pair: string): string {
  if (diff.length <= budget) return diff;
  const lines = diff.split("\n");
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  const rest = lines.length - kept.length;
  return `${kept.join("\n")}\n... ${rest} more line(s) not shown; run dwctl plan --env ${pair} for the full diff\n`;
}

function section(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`### ${title}`, "", ...items.map((i) => `- ${i}`), ""];
}

function render(plan: Plan, diffBudget: number | undefined): string {
  const out: string[] = [`## dwctl plan for \`${plan.pair}\``, "", `**${summaryLine(plan.summary)}**`, ""];
  // Hex only, from dwctl itself: safe to print as is. A reviewer quotes it when approving.
  if (plan.integrity !== undefined && /^[0-9a-f]{64}$/.test(plan.integrity)) out.push(`Plan integrity: \`${plan.integrity}\``, "");
  if (plan.workingTree?.dirty === true) {
    const changes = plan.workingTree.changes;
    const shown = changes.slice(0, 10).map((c) => escapeMarkdown(c.trim()));
    const more = changes.length > shown.length ? `, and ${changes.length - shown.length} more` : "";
    out.push("> [!WARNING]", `> **Made from uncommitted changes:** ${shown.join(", ")}${more}.`, "");
  }
  const since = plan.changedSince;
  if (since !== undefined) {
    const what = since.whole
      ? `an environments file changed, so every map is in scope (${since.maps.length}).`
      : since.maps.length === 0
        ? "no map changed: nothing is in scope."
        : `${since.maps.length} map(s) in scope: ${since.maps.map((m) => `**${escapeMarkdown(m)}**`).join(", ")}. Every other map is left as it is live; its drift and pending are not shown.`;
    // The commit is hex from git: safe in a code span. The ref is the user's text.
    out.push(`Scope: changed since ${escapeMarkdown(since.ref)} (\`${since.commit.slice(0, 12)}\`): ${what}`, "");
  }
  if (plan.blockers.length > 0) {
    out.push("> [!CAUTION]", "> **Blocked: apply refuses this plan.**");
    for (const b of plan.blockers) out.push(`> - ${escapeMarkdown(b.message)}`);
    out.push("");
  }
  if (plan.confirmationsRequired.length > 0) {
    const how = plan.confirmed ? `Confirmed with \`--confirm ${plan.pair}\`.` : `Apply needs \`--confirm ${plan.pair}\`:`;
    out.push("> [!IMPORTANT]", `> **${how}**`);
    for (const c of plan.confirmationsRequired) out.push(`> - ${escapeMarkdown(c.message)}`);
    out.push("");
  }
  const story = storyLines(plan);
  if (story.length > 0) out.push(...story.map((line, i) => `${i + 1}. ${escapeMarkdown(line)}`), "");
  if (plan.actions.length > 0) {
    out.push(`<details><summary>${plan.actions.length} action(s) in ${plan.waves.length} wave(s)</summary>`, "");
    for (const wave of plan.waves) {
      out.push(`**Wave ${wave.index}: ${escapeMarkdown(wave.title)}**`, "");
      const actions = plan.actions.filter((a) => a.wave === wave.index);
      out.push(...actions.map((a, i) => `${i + 1}. ${escapeMarkdown(a.description)}`), "");
    }
    out.push("</details>", "");
  }
  const saves = plan.actions.filter((a) => a.kind === "saveMapDefinition");
  if (saves.length > 0) {
    out.push("### Definition changes", "");
    for (const save of saves) {
      const diff = diffBudget === undefined ? save.diff : truncateDiff(save.diff, diffBudget, plan.pair);
      const f = fence(diff);
      out.push(
        `<details><summary>${escapeMarkdown(save.description)}</summary>`,
        "",
        `${f}diff`,
        diff.replace(/\n$/, ""),
        f,
        "",
        "</details>",
        "",
      );
    }
  }
  out.push(
    ...section(
      "Warnings",
      plan.warnings.map((w) => `${w.map === null ? "" : `**${escapeMarkdown(w.map)}**: `}${escapeMarkdown(w.message)}`),
    ),
  );
  out.push(
    ...section(
      "Drift: live differs from what dwctl last applied",
      plan.drift.map((d) => `\`${d.kind}\`${d.map === null ? "" : ` **${escapeMarkdown(d.map)}**`}: ${escapeMarkdown(d.message)}`),
    ),
  );
  out.push(
    ...section(
      "Unmanaged maps: live, not in git, never touched",
      plan.unmanaged.map((u) => `${escapeMarkdown(u.title)}, ${u.state}`),
    ),
  );
  out.push(
    ...section(
      "Pending: in git, not applied yet",
      plan.pending.map((p) => escapeMarkdown(p.message)),
    ),
  );
  const commit = plan.commit === null ? "no commit" : `commit \`${plan.commit.slice(0, 12)}\``;
  out.push(`<sub>${commit} · live fingerprint \`${plan.fingerprint.slice(0, 12)}\` · ${escapeMarkdown(plan.createdAt)}</sub>`);
  return out.join("\n") + "\n";
}

/**
 * The plan as a pull-request comment: the summary, one line per map in run order, diffs folded
 * away, then warnings and drift. Diffs are cut evenly when the comment would exceed the limit.
 */
export function renderPlanMarkdown(input: Plan): string {
  const plan = escapeStrings(input, new Set(["diff"]));
  const full = render(plan, undefined);
  if (full.length <= markdownLimit) return full;
  const saves = plan.actions.filter((a) => a.kind === "saveMapDefinition").length;
  const bare = render(plan, 0).length;
  const budget = saves === 0 ? 0 : Math.max(0, Math.floor((markdownLimit - bare - 500) / saves));
  const cut = render(plan, budget);
  if (cut.length <= markdownLimit) return cut;
  const note = `\n\n_The plan is too long for a comment; the rest is cut. Run dwctl plan --env ${plan.pair} for all of it._\n`;
  const end = cut.lastIndexOf("\n", markdownLimit - note.length);
  return cut.slice(0, end) + note;
}
