import type { TokenCredential } from "@azure/core-auth";
import type * as Identity from "@azure/identity";
import type { DeviceCodeCredentialOptions, DeviceCodeInfo } from "@azure/identity";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HostBoundCredential, RedactingCredential, StaticTokenCredential, credentialsFor } from "../../src/live/auth/index.js";
import { DATA_INTEGRATOR_CLIENT_ID } from "../../src/live/dualwrite/client.js";

/**
 * Device-code sign-in, as configured for a pair: which tenant and app each service's sign-in uses,
 * and where the "open https://microsoft.com/devicelogin and enter the code" instructions go. Entra ID
 * is not reachable from a test, so the credentials are recorded as they are made, with the options a
 * sign-in would use.
 */

const made = vi.hoisted(() => [] as { credential: unknown; options: DeviceCodeCredentialOptions | undefined }[]);

vi.mock("@azure/identity", async (importOriginal) => {
  const actual = await importOriginal<typeof Identity>();
  class RecordedDeviceCodeCredential extends actual.DeviceCodeCredential {
    constructor(options?: DeviceCodeCredentialOptions) {
      super(options);
      made.push({ credential: this, options });
    }
  }
  return { ...actual, DeviceCodeCredential: RecordedDeviceCodeCredential };
});

const urls = {
  financeAndOperations: { url: "https://contoso.operations.dynamics.com" },
  dataverse: { url: "https://contoso.crm.dynamics.com" },
  dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" },
};
const ids = { tenantId: "00000000-0000-0000-0000-0000000000d1", clientId: "00000000-0000-0000-0000-0000000000d2" };
const info: DeviceCodeInfo = {
  userCode: "D3V1C3",
  verificationUri: "https://microsoft.com/devicelogin",
  message: "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code D3V1C3 to authenticate.",
};

/** The credential below the host binding and redaction. */
function innermost(credential: TokenCredential): TokenCredential {
  if (credential instanceof HostBoundCredential) return innermost(credential.inner);
  return credential instanceof RedactingCredential ? innermost(credential.inner) : credential;
}

/** The options the sign-in of `credential` was made with. */
function optionsOf(credential: TokenCredential): DeviceCodeCredentialOptions | undefined {
  const entry = made.find((m) => m.credential === innermost(credential));
  if (entry === undefined) throw new Error("not a device-code credential");
  return entry.options;
}

/** The instructions a sign-in shows the user, as `credential` would show them. */
function showInstructions(credential: TokenCredential): void {
  const callback = optionsOf(credential)?.userPromptCallback;
  if (callback === undefined) throw new Error("the sign-in has no prompt callback");
  void callback(info);
}

beforeEach(() => {
  made.length = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("device-code sign-in", () => {
  it("signs the user in at the pair's tenant with the pair's app, and dual-write as the Data Integrator app", () => {
    const credentials = credentialsFor({ name: "prod", ...urls, auth: { method: "device-code", ...ids } }, {}, { prompt: () => undefined });
    expect(made).toHaveLength(2);
    expect(innermost(credentials.financeAndOperations)).toBe(innermost(credentials.dataverse));
    expect(optionsOf(credentials.dataverse)).toStrictEqual({ userPromptCallback: expect.any(Function), ...ids });
    expect(optionsOf(credentials.dualWrite)).toStrictEqual({
      userPromptCallback: expect.any(Function),
      clientId: DATA_INTEGRATOR_CLIENT_ID,
      tenantId: ids.tenantId,
    });
  });

  it("without auth.tenantId and auth.clientId leaves the tenant and the user's app to Azure Identity's defaults", () => {
    const credentials = credentialsFor({ name: "prod", ...urls, auth: { method: "device-code" } }, {}, { prompt: () => undefined });
    expect(optionsOf(credentials.dataverse)).toStrictEqual({ userPromptCallback: expect.any(Function) });
    expect(optionsOf(credentials.dualWrite)).toStrictEqual({ userPromptCallback: expect.any(Function), clientId: DATA_INTEGRATOR_CLIENT_ID });
  });

  it("with a management token signs in only the user, and dual-write takes the token", () => {
    const credentials = credentialsFor(
      { name: "prod", ...urls, auth: { method: "device-code", ...ids, managementTokenVariable: "DWCTL_DW_TOKEN" } },
      { DWCTL_DW_TOKEN: "mgmt-token-device-code-1f" },
      { prompt: () => undefined },
    );
    expect(made).toHaveLength(1);
    expect(innermost(credentials.dualWrite)).toBeInstanceOf(StaticTokenCredential);
  });

  it("hands both sign-ins' instructions to the prompt it is given, and writes nothing to stderr", () => {
    const prompts: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const credentials = credentialsFor({ name: "prod", ...urls, auth: { method: "device-code", ...ids } }, {}, { prompt: (message) => prompts.push(message) });
    showInstructions(credentials.dataverse);
    showInstructions(credentials.dualWrite);
    expect(prompts).toEqual([info.message, info.message]);
    expect(stderr).not.toHaveBeenCalled();
  });

  it("writes the instructions to stderr, one line each, when no prompt is given", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const credentials = credentialsFor({ name: "prod", ...urls, auth: { method: "device-code", ...ids } }, {});
    showInstructions(credentials.dataverse);
    showInstructions(credentials.dualWrite);
    expect(written).toEqual([`${info.message}\n`, `${info.message}\n`]);
  });
});
