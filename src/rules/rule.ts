import type { Finding, Severity } from "../config/diagnostic.js";
import type { InputFile } from "../config/load.js";
import type { Desired } from "../model/desired.js";

export interface RuleInput {
  desired: Desired;
  files: readonly InputFile[];
  /**
   * false when some file did not load. Rules that report something as missing skip then:
   * it may be in the file that did not load, and a false "missing" hides the real error.
   */
  complete: boolean;
}

/** What a rule reports; the runner adds the rule's code and severity. */
export type RuleFinding = Omit<Finding, "code" | "severity"> & { severity?: Severity };

export interface Rule {
  code: string;
  severity: Severity;
  /** One line, used in SARIF rule metadata and the README table. */
  title: string;
  /**
   * Where the rule comes from: the Microsoft page (path under
   * articles/fin-ops-core/dev-itpro/data-entities/dual-write/ in MicrosoftDocs/dynamics-365-unified-operations-public
   * unless it says otherwise) whose documented behaviour it checks.
   */
  source?: string;
  check(input: RuleInput): RuleFinding[];
}

export function runRule(rule: Rule, input: RuleInput): Finding[] {
  return rule.check(input).map((f) => ({ ...f, code: rule.code, severity: f.severity ?? rule.severity }));
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}
