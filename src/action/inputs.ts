/** The action's inputs (action.yml), read from the INPUT_* variables the runner sets. */
export interface ActionInputs {
  command: "validate" | "plan" | "apply" | "drift";
  /** The environment pair; `all` for drift over every pair. */
  environment: string | undefined;
  /** Where plan saves the plan (--out), and what apply applies. */
  planFile: string | undefined;
  /** What validate and plan read (default maps). */
  paths: string[];
  githubToken: string | undefined;
  /** undefined: the default (a comment for plan on a pull request). */
  comment: boolean | undefined;
  /** The pair named to apply --confirm. */
  confirm: string | undefined;
  workingDirectory: string;
}

/** A mistake in the workflow's `with:`; the message names the input. */
export class InputError extends Error {
  override name = "InputError";
}

/** The runner's name for an input's variable: spaces become underscores, upper case, hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export function readInput(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = (env[inputVariable(name)] ?? "").trim();
  return value === "" ? undefined : value;
}

const COMMANDS = ["validate", "plan", "apply", "drift"] as const;

export function readInputs(env: Record<string, string | undefined>): ActionInputs {
  const command = readInput(env, "command");
  if (command === undefined) throw new InputError(`input command is required: one of ${COMMANDS.join(", ")}`);
  if (!(COMMANDS as readonly string[]).includes(command)) throw new InputError(`input command is "${command}": use one of ${COMMANDS.join(", ")}`);
  const comment = readInput(env, "comment");
  if (comment !== undefined && !/^(true|false)$/i.test(comment)) throw new InputError(`input comment is "${comment}": use true or false`);
  const inputs: ActionInputs = {
    command: command as ActionInputs["command"],
    environment: readInput(env, "environment"),
    planFile: readInput(env, "plan-file"),
    paths: (readInput(env, "paths") ?? "maps").split(/[\s,]+/).filter((p) => p !== ""),
    githubToken: readInput(env, "github-token"),
    comment: comment === undefined ? undefined : comment.toLowerCase() === "true",
    confirm: readInput(env, "confirm"),
    workingDirectory: readInput(env, "working-directory") ?? ".",
  };
  if (inputs.paths.length === 0) inputs.paths = ["maps"];
  if ((inputs.command === "plan" || inputs.command === "drift") && inputs.environment === undefined) {
    throw new InputError(`input environment is required for ${inputs.command}${inputs.command === "drift" ? " (a pair, or all)" : ""}`);
  }
  if (inputs.command === "plan" && inputs.environment === "all") throw new InputError("input environment: plan takes one pair, not all");
  if (inputs.command === "apply" && inputs.planFile === undefined) {
    throw new InputError("input plan-file is required for apply: the action applies a plan saved by plan (the one that was reviewed), never a new one");
  }
  return inputs;
}
