import { fail, pass, skip, type DoctorCheck, type Read, type ReadFailure } from "./check.js";

/** The three APIs of a pair, each its own check so that one refusal never hides the others. */
export type ApiName = "dataverse" | "finops" | "dualwrite";

/** The service names the HTTP layer uses in its refusals (src/live/gateway/index.ts). */
export const SERVICE_NAMES: Record<ApiName, string> = {
  dataverse: "Dataverse",
  finops: "Finance and operations",
  dualwrite: "the dual-write management service",
};

export const API_CHECKS: Record<ApiName, { id: string; title: string }> = {
  dataverse: { id: "api.dataverse", title: "Dataverse Web API answers (WhoAmI)" },
  finops: { id: "api.finops", title: "Finance and operations OData answers (service root)" },
  dualwrite: { id: "api.dualwrite", title: "The dual-write management service answers (Environments)" },
};

/** What a failed read of a service says, as a check's detail: the service is always named. */
export function describeFailure(api: ApiName, failure: ReadFailure): string {
  const service = SERVICE_NAMES[api];
  const mentions = failure.message.toLowerCase().includes(service.toLowerCase());
  switch (failure.kind) {
    case "refused":
      // The HTTP layer's refusal already reads "<service> refused the token for scope … with 401 (…)".
      return mentions ? failure.message : `${service} refused the token${failure.scope === undefined ? "" : ` for scope ${failure.scope}`}: ${failure.message}`;
    case "no-token": {
      // The token cache says "could not get a token for <scope>: <why>"; the scope is named once.
      const why = failure.scope === undefined ? failure.message : failure.message.replace(`could not get a token for ${failure.scope}: `, "");
      return `no token for ${service}${failure.scope === undefined ? "" : ` (scope ${failure.scope})`}: ${why}`;
    }
    case "unreachable":
      return `${service} did not answer: ${failure.message}`;
    case "error":
      return mentions ? failure.message : `${service}: ${failure.message}`;
  }
}

export function apiCheck(api: ApiName, read: Read<string>): DoctorCheck {
  const { id, title } = API_CHECKS[api];
  if (read.ok) return pass(id, title, read.value);
  return fail(id, title, describeFailure(api, read.failure), read.failure.hint);
}

/** A check that needs services that could not be read: skipped, naming them and where to look. */
export function skipFor(id: string, title: string, failed: readonly ApiName[]): DoctorCheck {
  const names = failed.map((api) => `${SERVICE_NAMES[api]} (${API_CHECKS[api].id})`);
  const listed = names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  return skip(id, title, `cannot check: ${listed} could not be read`);
}
