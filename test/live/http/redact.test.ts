import { describe, expect, it } from "vitest";
import { redact, registerSecret } from "../../../src/live/http/redact.js";

const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ";

describe("redact", () => {
  it.each([
    ["Authorization: Bearer abc.def-ghi", "abc.def-ghi"],
    ['{"authorization":"Basic dXNlcjpwYXNz"}', "dXNlcjpwYXNz"],
    ["token was bearer Zm9vYmFy== ok", "Zm9vYmFy"],
    [`id_token is ${jwt}!`, jwt],
    ["grant_type=client_credentials&client_secret=s3cr3t~value&scope=x", "s3cr3t~value"],
    ['{"client_secret": "has spaces inside"}', "has spaces inside"],
    ["https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sig=AbC%2Bdef%3D&se=2030", "AbC%2Bdef%3D"],
    ["DefaultEndpointsProtocol=https;AccountName=a;AccountKey=q1w2e3+/r4==;EndpointSuffix=x", "q1w2e3+/r4=="],
    ["Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=ZXhhbXBsZQ=;", "ZXhhbXBsZQ="],
    ["Server=db;User Id=sa;Password=hunter2pass;", "hunter2pass"],
    ["password: 'quoted-pass'", "quoted-pass"],
  ])("removes the secret from %s", (text, secret) => {
    const result = redact(text);
    expect(result).not.toContain(secret);
    expect(result).toContain("***");
  });

  it("leaves ordinary text alone", () => {
    const text = "GET https://org.crm.dynamics.com/api/data/v9.2/accounts?$filter=name eq 'design=1' failed with 404";
    expect(redact(text)).toBe(text);
  });

  it("masks registered secrets wherever they appear, also URL-encoded", () => {
    registerSecret("plain+secret/value");
    expect(redact("x plain+secret/value y")).toBe("x *** y");
    expect(redact("q=plain%2Bsecret%2Fvalue")).toBe("q=***");
  });

  it("masks a registered secret whole even when it contains another one", () => {
    registerSecret("inner-7731");
    registerSecret("outer-inner-7731-tail");
    expect(redact("a outer-inner-7731-tail b")).toBe("a *** b");
  });
});

describe("which secrets are registered", () => {
  it("ignores a value shorter than 8 characters, so it cannot mangle ordinary text", () => {
    registerSecret("x");
    registerSecret("ample");
    registerSecret("7chars!");
    expect(redact("GET https://example.com/7chars!/items failed")).toBe("GET https://example.com/7chars!/items failed");
  });

  it("registers a value of 8 characters or more", () => {
    registerSecret("8chars!?");
    expect(redact("value 8chars!? here")).toBe("value *** here");
  });

  it("masks a registered secret that appears JSON-escaped", () => {
    const secret = 'quote"and\\slash-4c1d';
    registerSecret(secret);
    const body = JSON.stringify({ message: `rejected ${secret}` });
    expect(body).toContain('quote\\"and\\\\slash-4c1d');
    expect(redact(body)).toBe('{"message":"rejected ***"}');
  });
});
