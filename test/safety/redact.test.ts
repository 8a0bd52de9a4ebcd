import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal } from "../../src/apply/journal.js";
import { redact, registerSecret } from "../../src/live/http/redact.js";

/**
 * Secrets dwctl knows (a client secret, a token) are masked wherever they appear: as they are,
 * URL-encoded, and JSON-escaped, the form they take inside a journal line or a JSON error body.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every form a secret can take in dwctl's output. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

describe("a registered secret that JSON escapes", () => {
  // A generated client secret can hold any printable character; a quote and a backslash change under JSON.
  const secret = 'Zx9"Lm3\\Kp7~Qr2-journal-5d0e';

  it("is masked in the journal, where every line is JSON", () => {
    registerSecret(secret);
    const dir = mkdtempSync(join(tmpdir(), "dwctl-journal-"));
    dirs.push(dir);
    const journal = new Journal(dir, "run-1");
    journal.write({ step: "save-1", kind: "saveMapDefinition", event: "end", outcome: "failed", error: `the service refused client_id=x with ${secret} (401)` });
    journal.attach("plan.json", JSON.stringify({ note: `made with ${secret}` }, null, 2));
    journal.close();
    const line = readFileSync(journal.file, "utf8");
    const attached = readFileSync(join(dir, "run-1", "plan.json"), "utf8");
    for (const form of forms(secret)) {
      expect(line).not.toContain(form);
      expect(attached).not.toContain(form);
    }
    expect((JSON.parse(line) as { error: string }).error).toBe("the service refused client_id=x with *** (401)");
    expect(JSON.parse(attached)).toEqual({ note: "made with ***" });
  });

  it("is masked in a JSON body that echoes it, and in a URL", () => {
    registerSecret(secret);
    expect(redact(JSON.stringify({ error: { message: `invalid value ${secret}` } }))).toBe('{"error":{"message":"invalid value ***"}}');
    expect(redact(`GET https://example.com/?q=${encodeURIComponent(secret)}&x=1`)).toBe("GET https://example.com/?q=***&x=1");
    expect(redact(`raw ${secret} here`)).toBe("raw *** here");
  });

  it("is masked whole, longest form first, when one secret contains another", () => {
    registerSecret("inner\"secret-b7");
    registerSecret('outer-inner"secret-b7-tail');
    expect(redact(JSON.stringify('x outer-inner"secret-b7-tail y'))).toBe('"x *** y"');
    expect(redact(JSON.stringify('x inner"secret-b7 y'))).toBe('"x *** y"');
  });
});

describe("credentials dwctl never registered are masked by their shape", () => {
  const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXBhcnQ";
  it.each([
    // Authorization-like headers, whatever the spacing, the quoting, and commas or semicolons inside a quoted value
    ["x-api-key : k3y-value-1234", "x-api-key : ***"],
    ["Ocp-Apim-Subscription-Key=0123abcd, next", "Ocp-Apim-Subscription-Key=***, next"],
    ['{"authorization":"Signature keyId=k1,signature=c2lnbmF0dXJl","x":1}', '{"authorization":***,"x":1}'],
    ["{'Proxy-Authorization': 'Basic dXNlcjpw;YXNz', 'x': 1}", "{'Proxy-Authorization': ***, 'x': 1}"],
    // bearer tokens, whatever the spacing, with or without base64 padding
    ["sent bearer  abc.def-123 twice", "sent bearer *** twice"],
    ["token bearer abc123 ok", "token bearer *** ok"],
    ["token Bearer Zm9vYmFy== ok", "token Bearer *** ok"],
    // JSON Web Tokens, whole, signed or not
    [`id ${jwt} end`, "id *** end"],
    ["unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. end", "unsigned *** end"],
    // key=value and "key": "value" pairs keep their key and quoting
    ['{"client_secret": "has spaces, and a comma"}', '{"client_secret": ***}'],
    ["refresh_token='abc def'&x=1", "refresh_token=***&x=1"],
    ["https://h/p?code=1&sig=AbC%2Bdef%3D&se=2030", "https://h/p?code=1&sig=***&se=2030"],
  ])("%s", (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});
