import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/config/diagnostic.js";
import { edit, validate } from "../helpers/estate.js";
import { clientId, expectDiagnostics, prodPair, tenantId } from "./rule-helpers.js";

const jwt =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const accountKey = "AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNA==";
const storage = `DefaultEndpointsProtocol=https;AccountName=contosomaps;${accountKey};EndpointSuffix=core.windows.net`;
const sig = "&sig=k3Jd8Qm2LxZp9Vw4Rt6Yb1Nc5Hf7Gj0Ks%3D";
const sas = `https://contosomaps.blob.core.windows.net/maps?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https${sig}`;
const entra = "abc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0";

/** The currencies map with a description on line 3 (value from column 14). */
function describedAs(text: string): Record<string, string> {
  return edit("maps/tablemaps/currencies.yaml", "name: currencies\n", `name: currencies\ndescription: ${text}\n`);
}

/** The prod pair authenticating with a client secret; the last auth line is given (line 11 of the file). */
function clientSecretPair(lastAuthLine: string): Record<string, string> {
  return prodPair(`    auth:
      method: client-secret
      tenantId: ${tenantId}
      clientId: ${clientId}
      ${lastAuthLine}
`);
}

function expectNotEchoed(d: Diagnostic | undefined, secret: string): void {
  expect(d?.message).not.toContain(secret);
  expect(d?.hint).not.toContain(secret);
  expect(d?.message).not.toContain(secret.slice(0, 12));
}

describe("DW180 no credentials in YAML", () => {
  it("reports a JSON Web Token at its first character, without echoing it", () => {
    const [d] = expectDiagnostics(describedAs(`token ${jwt} for tests`), ["maps/tablemaps/currencies.yaml:3:20 DW180"]);
    expect(d).toMatchObject({
      code: "DW180",
      severity: "error",
      file: "maps/tablemaps/currencies.yaml",
      line: 3,
      column: 20,
      endLine: 3,
      endColumn: 20 + jwt.length,
    });
    expect(d?.message).toBe("this looks like a JSON Web Token; credentials must not be stored in git");
    expectNotEchoed(d, jwt);
  });

  it("reports a storage connection string once, at its account key", () => {
    const [d] = expectDiagnostics(describedAs(storage), ["maps/tablemaps/currencies.yaml:3:69 DW180"]);
    expect(d?.message).toContain("a storage account key");
    expectNotEchoed(d, accountKey);
  });

  it("reports a SAS URL once, at its signature", () => {
    const [d] = expectDiagnostics(describedAs(sas), ["maps/tablemaps/currencies.yaml:3:124 DW180"]);
    expect(d?.message).toContain("a SAS token");
    expectNotEchoed(d, sig);
  });

  it("reports a Microsoft Entra client secret (abc8Q~ and 34 more characters)", () => {
    expect(entra.length).toBe(40);
    const [d] = expectDiagnostics(describedAs(`old secret ${entra} rotated`), ["maps/tablemaps/currencies.yaml:3:25 DW180"]);
    expect(d).toMatchObject({ endColumn: 65 });
    expect(d?.message).toContain("a Microsoft Entra client secret");
    expectNotEchoed(d, entra);
  });

  it("reports a secret pasted into auth as both a schema violation and a secret", () => {
    const files = clientSecretPair(`clientSecret: ${entra}`);
    const ds = expectDiagnostics(files, ["maps/environments.yaml:11:7 DW006", "maps/environments.yaml:11:21 DW180"]);
    for (const d of ds) expectNotEchoed(d, entra);
  });

  it("passes a reference to the variable that holds the secret, and ids that are not secrets", () => {
    const files = clientSecretPair("clientSecretVariable: DWCTL_CLIENT_SECRET");
    expect(validate(files)).toEqual([]);
  });

  it("passes text that mentions secrets and a SAS URL without a signature", () => {
    expect(validate(describedAs("the client secret and token live in Key Vault, see https://contosomaps.blob.core.windows.net/maps?sv=2022-11-02"))).toEqual([]);
  });

  it("reports an Entra client secret whose first character is ~, . or - (the secret alphabet includes them)", () => {
    // Same shape as above (3 characters, a digit, Q~, 34 characters), but starting with "~".
    const secret = "~bc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0";
    expect(secret.length).toBe(40);
    const [d] = expectDiagnostics(describedAs(`old secret ${secret} rotated`), ["maps/tablemaps/currencies.yaml:3:25 DW180"]);
    expectNotEchoed(d, secret);
  });
});
