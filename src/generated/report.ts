/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * dwctl's report of one or more environment pairs: what dwctl drift prints as JSON and what the Markdown and text renderers read.
 */
export interface Report {
  /**
   * Version of this output format. Minor versions only add properties.
   */
  format_version: "1.0";
  /**
   * The command that made the report.
   */
  command: "drift";
  /**
   * When the report was made (ISO 8601).
   */
  generatedAt: string;
  /**
   * The git commit of the desired state, or null outside a repository.
   */
  commit: string | null;
  summary: Summary;
  /**
   * One entry per environment pair read, in the order of environments.yaml.
   */
  pairs: PairReport[];
}
/**
 * Counts over every pair.
 */
export interface Summary {
  /**
   * Pairs read or tried.
   */
  pairs: number;
  /**
   * Pairs with no finding above info.
   */
  clean: number;
  /**
   * Pairs with a finding of severity warning or error.
   */
  drifted: number;
  /**
   * Pairs that could not be read.
   */
  failed: number;
  /**
   * Findings of severity error.
   */
  errors: number;
  /**
   * Findings of severity warning.
   */
  warnings: number;
  /**
   * Findings of severity info.
   */
  infos: number;
}
/**
 * What was found in one environment pair.
 */
export interface PairReport {
  /**
   * The pair's name in environments.yaml.
   */
  pair: string;
  /**
   * clean: no finding above info; drift: at least one warning or error; failed: the pair could not be read (see its findings).
   */
  status: "clean" | "drift" | "failed";
  /**
   * Fingerprint of the live snapshot read (sha256, hex), or null when it could not be read.
   */
  fingerprint: string | null;
  /**
   * What dwctl last applied to the pair, from the record in the environment; null when dwctl never applied to it.
   */
  lastApplied: null | LastApplied;
  /**
   * Findings, most severe first.
   */
  findings: Finding[];
}
/**
 * The last-applied record's header.
 */
export interface LastApplied {
  /**
   * The commit applied, or null.
   */
  commit: string | null;
  /**
   * When (ISO 8601).
   */
  appliedAt: string;
  /**
   * Who applied.
   */
  actor: string;
  /**
   * The integrity hash of the plan applied.
   */
  planHash: string;
}
/**
 * One finding.
 */
export interface Finding {
  /**
   * Stable kebab-case code, for example definition-changed or copied-database. See the README's list.
   */
  code: string;
  /**
   * error: the pair is broken or apply would refuse; warning: drift to act on; info: worth knowing.
   */
  severity: "error" | "warning" | "info";
  /**
   * changedOutsideGit: live differs from what dwctl last applied; pendingDeploy: git differs from what was last applied; runtimeHealth: the pair's runtime state, whatever git says.
   */
  category: "changedOutsideGit" | "pendingDeploy" | "runtimeHealth";
  /**
   * The map it is about, or null.
   */
  map: string | null;
  /**
   * What was found.
   */
  message: string;
  /**
   * What to do about it, or null.
   */
  hint: string | null;
}
