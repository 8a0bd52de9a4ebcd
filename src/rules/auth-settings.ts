import type { EnvironmentPair } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";

function problems(pair: EnvironmentPair): { message: string; hint: string; at: string[] }[] {
  const auth = pair.auth;
  if (auth === undefined) {
    return pair.sandbox === true
      ? []
      : [{ message: `pair "${pair.name}" has no auth settings`, hint: "Add auth: { method: github-oidc, tenantId: ..., clientId: ... } (or client-secret with clientSecretVariable).", at: ["name"] }];
  }
  const out: { message: string; hint: string; at: string[] }[] = [];
  if (auth.method === "sandbox" && pair.sandbox !== true) {
    out.push({ message: "auth method sandbox is only for sandbox pairs", hint: "Use github-oidc, client-secret or device-code for a real environment.", at: ["auth", "method"] });
  }
  if (auth.method === "github-oidc" || auth.method === "client-secret" || auth.method === "device-code") {
    if (auth.tenantId === undefined) out.push({ message: `auth method ${auth.method} needs tenantId`, hint: "Add the Microsoft Entra tenant id.", at: ["auth"] });
    if (auth.clientId === undefined) out.push({ message: `auth method ${auth.method} needs clientId`, hint: "Add the application (client) id of the app registration.", at: ["auth"] });
  }
  if (auth.method === "client-secret" && auth.clientSecretVariable === undefined) {
    out.push({ message: "auth method client-secret needs clientSecretVariable", hint: "Name the environment variable that holds the secret, for example DWCTL_CLIENT_SECRET. Never put the secret in YAML.", at: ["auth"] });
  }
  return out;
}

export const authSettings: Rule = {
  code: "DW175",
  severity: "error",
  title: "Auth settings are complete references",
  check: ({ desired }) =>
    desired.pairs.flatMap((pair): RuleFinding[] =>
      problems(pair).map((p) => ({ message: p.message, hint: p.hint, file: pair.file, path: ["pairs", pair.index, ...p.at] })),
    ),
};
