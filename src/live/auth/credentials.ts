import type { TokenCredential } from "@azure/core-auth";
import { ClientAssertionCredential, ClientSecretCredential, DeviceCodeCredential } from "@azure/identity";
import type { DeviceCodeInfo } from "@azure/identity";
import type { EnvironmentPair } from "../../model/desired.js";
import { DATA_INTEGRATOR_CLIENT_ID } from "../dualwrite/client.js";
import { registerSecret } from "../http/index.js";
import { allowedHostsOf, secretVariableAllowed, SECRET_VARIABLE_PREFIX } from "../../rules/token-hosts.js";
import type { TokenService } from "../../rules/token-hosts.js";
import { githubOidcAssertion } from "./github-oidc.js";
import { HostBoundCredential } from "./host-bound-credential.js";
import { RedactingCredential } from "./redacting-credential.js";
import { SandboxCredential } from "./sandbox-credential.js";
import { StaticTokenCredential } from "./static-token-credential.js";

export interface PairCredentials {
  dataverse: TokenCredential;
  financeAndOperations: TokenCredential;
  dualWrite: TokenCredential;
}

export interface CredentialOptions {
  /** The running sandbox, for pairs with method sandbox. */
  sandbox?: { url: string; secret: string };
  /** Where device-code instructions go; stderr by default. */
  prompt?: (message: string) => void;
  /** The job's OIDC token; by default from @actions/core. */
  getAssertion?: () => Promise<string>;
}

/** Auth settings the user must fix; names variables and settings, never a value. */
export class AuthConfigurationError extends Error {
  override name = "AuthConfigurationError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** A pair's auth settings; a service whose URL is missing gets a credential that hands out no token. */
type PairAuth = Pick<EnvironmentPair, "name" | "auth" | "sandbox"> &
  Partial<Pick<EnvironmentPair, "financeAndOperations" | "dataverse" | "dualWrite" | "allowedHosts" | "allowedSecretVariables">>;

/** The three credentials of a pair, built from its `auth` block and the process environment. */
export function credentialsFor(
  pair: PairAuth,
  env: Record<string, string | undefined>,
  options: CredentialOptions = {},
): PairCredentials {
  const method = pair.auth?.method ?? (pair.sandbox === true ? "sandbox" : undefined);
  switch (method) {
    case "sandbox":
      return sandboxCredentials(pair, options);
    case "github-oidc": {
      const app = new ClientAssertionCredential(
        required(pair, "tenantId"),
        required(pair, "clientId"),
        options.getAssertion ?? githubOidcAssertion,
      );
      return appCredentials(pair, env, app);
    }
    case "client-secret": {
      const variable = secretVariable(pair, "clientSecretVariable", required(pair, "clientSecretVariable"));
      const secret = env[variable];
      if (secret === undefined || secret === "") {
        throw new AuthConfigurationError(
          `environment variable ${variable} is not set (client secret of pair ${pair.name})`,
          `set ${variable} to the client secret of the app registration, for example from a GitHub Actions secret`,
        );
      }
      registerSecret(secret);
      return appCredentials(pair, env, new ClientSecretCredential(required(pair, "tenantId"), required(pair, "clientId"), secret));
    }
    case "device-code": {
      // Stryker disable next-line OptionalChaining: device-code, github-oidc and client-secret come from pair.auth.method, so pair.auth is set wherever this runs
      const tenantId = pair.auth?.tenantId;
      const userPromptCallback = (info: DeviceCodeInfo): void => (options.prompt ?? writeStderr)(info.message);
      const user = new DeviceCodeCredential({
        userPromptCallback,
        ...(tenantId === undefined ? {} : { tenantId }),
        // Stryker disable next-line OptionalChaining: device-code, github-oidc and client-secret come from pair.auth.method, so pair.auth is set wherever this runs
        ...(pair.auth?.clientId === undefined ? {} : { clientId: pair.auth.clientId }),
      });
      const management =
        managementToken(pair, env) ??
        new DeviceCodeCredential({ userPromptCallback, clientId: DATA_INTEGRATOR_CLIENT_ID, ...(tenantId === undefined ? {} : { tenantId }) });
      return bound(pair, redacting({ dataverse: user, financeAndOperations: user, dualWrite: management }));
    }
    default:
      throw new AuthConfigurationError(
        `pair ${pair.name} has no auth method`,
        "add auth.method (github-oidc, client-secret, device-code or sandbox) to the pair in environments.yaml",
      );
  }
}

function sandboxCredentials(pair: PairAuth, options: CredentialOptions): PairCredentials {
  if (options.sandbox === undefined) {
    throw new AuthConfigurationError(
      `pair ${pair.name} uses the sandbox, but no sandbox is running`,
      "start it with `dwctl sandbox start`, or point the pair at real environments",
    );
  }
  const credential = new SandboxCredential(options.sandbox.url, options.sandbox.secret, { clientId: pair.name });
  return { dataverse: credential, financeAndOperations: credential, dualWrite: credential };
}

/** An app identity for Dataverse and F&O; the dual-write service takes a delegated token when one is given. */
function appCredentials(pair: PairAuth, env: Record<string, string | undefined>, app: TokenCredential): PairCredentials {
  return bound(pair, redacting({ dataverse: app, financeAndOperations: app, dualWrite: managementToken(pair, env) ?? app }));
}

/** Each service's credential hands out tokens only for that service's URL of the pair, on its service's hosts. */
function bound(pair: PairAuth, credentials: PairCredentials): PairCredentials {
  const bind = (service: TokenService): TokenCredential =>
    new HostBoundCredential(credentials[service], { pair: pair.name, service, url: pair[service]?.url, allowedHosts: allowedHostsOf(pair, service) });
  return { dataverse: bind("dataverse"), financeAndOperations: bind("financeAndOperations"), dualWrite: bind("dualWrite") };
}

/** Refuses to read a variable outside DWCTL_* (and the pair's allow list) as a secret. */
function secretVariable(pair: PairAuth, setting: "clientSecretVariable" | "managementTokenVariable", variable: string): string {
  if (secretVariableAllowed(variable, pair.allowedSecretVariables)) return variable;
  throw new AuthConfigurationError(
    `refusing to read ${variable} as a secret (auth.${setting} of pair ${pair.name}): only ${SECRET_VARIABLE_PREFIX}* variables are read`,
    `store the secret as ${SECRET_VARIABLE_PREFIX}${variable}, or list ${variable} in the pair's allowedSecretVariables in environments.yaml (protected by CODEOWNERS)`,
  );
}

function managementToken(pair: PairAuth, env: Record<string, string | undefined>): TokenCredential | undefined {
  // Stryker disable next-line OptionalChaining: device-code, github-oidc and client-secret come from pair.auth.method, so pair.auth is set wherever this runs
  const setting = pair.auth?.managementTokenVariable;
  if (setting === undefined) return undefined;
  const variable = secretVariable(pair, "managementTokenVariable", setting);
  const token = env[variable];
  if (token === undefined || token === "") {
    throw new AuthConfigurationError(
      `environment variable ${variable} is not set (dual-write management token of pair ${pair.name})`,
      `set ${variable} to a delegated token for https://IntegratorApp.com, or remove auth.managementTokenVariable`,
    );
  }
  return new StaticTokenCredential(token);
}

function required(pair: PairAuth, setting: "tenantId" | "clientId" | "clientSecretVariable"): string {
  // Stryker disable next-line OptionalChaining: device-code, github-oidc and client-secret come from pair.auth.method, so pair.auth is set wherever this runs
  const value = pair.auth?.[setting];
  if (value === undefined || value === "") {
    throw new AuthConfigurationError(
      // Stryker disable next-line OptionalChaining,StringLiteral: device-code, github-oidc and client-secret come from pair.auth.method, so pair.auth is set wherever this runs (and the method is set)
      `pair ${pair.name} uses auth method ${pair.auth?.method ?? "?"} but has no auth.${setting}`,
      `add auth.${setting} to the pair in environments.yaml`,
    );
  }
  return value;
}

function redacting(credentials: PairCredentials): PairCredentials {
  const wrapped = new Map<TokenCredential, TokenCredential>();
  const wrap = (credential: TokenCredential): TokenCredential => {
    let result = wrapped.get(credential);
    // Stryker disable next-line ConditionalExpression: a second wrapper of a shared credential registers the same tokens; the wrappers hold no state
    if (result === undefined) {
      result = new RedactingCredential(credential);
      wrapped.set(credential, result);
    }
    return result;
  };
  return {
    dataverse: wrap(credentials.dataverse),
    financeAndOperations: wrap(credentials.financeAndOperations),
    dualWrite: wrap(credentials.dualWrite),
  };
}

function writeStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}
