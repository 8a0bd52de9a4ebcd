import type { EnvironmentPair } from "../model/desired.js";
import { canonicalHost, tryUrl } from "./url.js";

/** The three services a pair holds a token for. */
export type TokenService = "dataverse" | "financeAndOperations" | "dualWrite";

export const SERVICE_NAMES: Readonly<Record<TokenService, string>> = {
  dataverse: "Dataverse",
  financeAndOperations: "finance and operations",
  dualWrite: "dual-write management service",
};

interface KnownHosts {
  /** As the README and messages show it. */
  readonly pattern: string;
  readonly matches: (host: string) => boolean;
}

function under(suffix: string): KnownHosts {
  return { pattern: `*.${suffix}`, matches: (host) => host.endsWith(`.${suffix}`) };
}

/**
 * Where each service's token may go without an allow list. A sovereign cloud missing here (finance
 * and operations, and the dual-write service, outside the commercial cloud: no source names their
 * domains) needs the pair's `allowedHosts`.
 */
export const KNOWN_TOKEN_HOSTS: Readonly<Record<TokenService, readonly KnownHosts[]>> = {
  dataverse: [
    // Commercial <org>.crm[N].dynamics.com, GCC <org>.crm9.dynamics.com: DOMAIN.md §7 and
    // https://learn.microsoft.com/en-au/power-apps/developer/data-platform/discovery-service (GDS per cloud).
    { pattern: "*.crm[N].dynamics.com", matches: (host) => /^([a-z0-9-]+\.)+crm[0-9]*\.dynamics\.com$/.test(host) },
    // GCC High (USG), DoD and China (21Vianet): the same discovery-service page
    // (globaldisco.crm.microsoftdynamics.us, globaldisco.crm.appsplatform.us, globaldisco.crm.dynamics.cn).
    under("crm.microsoftdynamics.us"),
    under("crm.appsplatform.us"),
    under("crm.dynamics.cn"),
  ],
  financeAndOperations: [
    // <env>.operations.dynamics.com and <env>.sandbox.operations.dynamics.com: DOMAIN.md §7 (F&O OData),
    // docs data-entities/dual-write/requirements-and-prerequisites.md.
    under("operations.dynamics.com"),
    // Cloud-hosted development boxes, <name>aos.cloudax.dynamics.com: docs
    // data-entities/dual-write/dual-write-general-troubleshooting.md (the DualWriteErrorLog table browser URL).
    under("cloudax.dynamics.com"),
  ],
  dualWrite: [
    // projectmanagementservice.<cluster>.gateway.prod.island.powerapps.com: shared/platform/dualwrite-service.md §1.
    // Sovereign gateways are unknown (no source names one).
    under("gateway.prod.island.powerapps.com"),
  ],
};

/** The prefix of the environment variables dwctl reads as secrets without an allow list. */
export const SECRET_VARIABLE_PREFIX = "DWCTL_";

/** Whether `host` matches an allow-list entry: an exact host, or `*.suffix` for any name under suffix. */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const wanted = pattern.trim().toLowerCase();
  if (wanted.startsWith("*.")) return host.endsWith(`.${canonicalHost(wanted.slice(2))}`);
  return host === canonicalHost(wanted);
}

/** Whether a token of `service` may be sent to `url`: a known host of the service, or one the pair lists. */
export function tokenHostAllowed(service: TokenService, url: string, allowedHosts: readonly string[] = []): boolean {
  const parsed = tryUrl(url);
  if (parsed === undefined || parsed.hostname === "") return false;
  const host = canonicalHost(parsed.hostname);
  return KNOWN_TOKEN_HOSTS[service].some((known) => known.matches(host)) || allowedHosts.some((pattern) => matchesHostPattern(host, pattern));
}

/** Whether an environment variable may be read as a secret: DWCTL_*, or listed by the pair. */
export function secretVariableAllowed(name: string, allowedVariables: readonly string[] = []): boolean {
  return name.startsWith(SECRET_VARIABLE_PREFIX) || allowedVariables.includes(name);
}

/** A pair's allow list for one service. */
export function allowedHostsOf(pair: Pick<EnvironmentPair, "allowedHosts">, service: TokenService): readonly string[] {
  return pair.allowedHosts?.[service] ?? [];
}

/** One line a message or hint can quote: the known hosts of a service. */
export function knownHostsText(service: TokenService): string {
  return KNOWN_TOKEN_HOSTS[service].map((known) => known.pattern).join(", ");
}
