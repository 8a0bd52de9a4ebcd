import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../helpers/cli.js";
import { baseEstate, edit, validate } from "../helpers/estate.js";

/**
 * DW180, pattern by pattern. Each credential below is caught by one pattern of
 * src/rules/no-secrets.ts and by no other, so removing or loosening any one pattern fails its
 * case; each near miss is text that looks like that credential but is not one, and must pass.
 */

/** The currencies map with a one-line description (line 3, the value from column 14). */
function describedAs(text: string): Record<string, string> {
  return edit("maps/tablemaps/currencies.yaml", "name: currencies\n", `name: currencies\ndescription: ${JSON.stringify(text)}\n`);
}

/** The currencies map with a block description; its lines start on line 4, indented by two spaces. */
function describedInBlock(...lines: string[]): Record<string, string> {
  return edit("maps/tablemaps/currencies.yaml", "name: currencies\n", `name: currencies\ndescription: |\n${lines.map((l) => `  ${l}\n`).join("")}`);
}

interface Finding {
  at: string;
  message: string;
}

function secretsIn(files: Record<string, string>): Finding[] {
  return validate(files).map((d) => ({ at: `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code}`, message: d.message }));
}

const file = "maps/tablemaps/currencies.yaml";
const what = (kind: string): string => `this looks like ${kind}; credentials must not be stored in git`;

/** A value that is no credential: 24 letters, so that it fits every "long enough" quantifier. */
const plain = "abcdefghijklmnopqrstuvwx";

describe("DW180: one case per pattern, each reported at its exact span", () => {
  // [pattern, text placed in the one-line description, its offset in that text, its length]
  const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ";
  const cases: [kind: string, text: string, secret: string][] = [
    ["a JSON Web Token", `bearer ${jwt} in a test`, jwt],
    ["a storage account key", "AccountName=contosomaps;AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFy+/==;", "AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFy+/=="],
    ["a Service Bus or Event Hubs key", "SharedAccessKeyName=root;SharedAccessKey=ZXhhbXBsZXZhbHVlMTIzNDU2Nzg=", "SharedAccessKey=ZXhhbXBsZXZhbHVlMTIzNDU2Nzg="],
    ["a connection string", "use DefaultEndpointsProtocol=https;AccountName=contosomaps;EndpointSuffix=core.windows.net now", "DefaultEndpointsProtocol=https;AccountName=contosomaps;EndpointSuffix=core.windows.net"],
    ["a connection string", "bus Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=root here", "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=root"],
    ["a SAS token", "https://contosomaps.blob.core.windows.net/maps/x.yaml?sig=k3Jd8Qm2LxZp9Vw4Rt6Y%3D", "?sig=k3Jd8Qm2LxZp9Vw4Rt6Y%3D"],
    ["a SAS token", "download with sv=2022-11-02&sp=r&sig= appended", "sv=2022-11-02&sp=r&sig="],
    ["a Microsoft Entra client secret", "old abc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0 rotated", "abc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0"],
    ["a client secret", "token request with client_secret=s3cr3tvalue&grant_type=x", "client_secret=s3cr3tvalue"],
    ["a password", "Server=db;User Id=sa;Password=hunter2;", "Password=hunter2"],
    ["a private key", "-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA", "-----BEGIN RSA PRIVATE KEY-----"],
    // The same with spaces around "=", as connection strings and .env files are often written
    ["a storage account key", "AccountKey = Zm9vYmFyYmF6cXV4Zm9vYmFy;", "AccountKey = Zm9vYmFyYmF6cXV4Zm9vYmFy"],
    ["a Service Bus or Event Hubs key", "SharedAccessKey = ZXhhbXBsZXZhbHVlMTIzNDU2Nzg=", "SharedAccessKey = ZXhhbXBsZXZhbHVlMTIzNDU2Nzg="],
    ["a client secret", "client_secret = s3cr3tvalue", "client_secret = s3cr3tvalue"],
    ["a client secret", "client_secret: s3cr3tvalue", "client_secret: s3cr3tvalue"],
    ["a password", "pwd = hunter2;", "pwd = hunter2"],
    // The storage emulator's and other plain-http connection strings
    ["a connection string", "DefaultEndpointsProtocol=http;AccountName=devstore;BlobEndpoint=http://127.0.0.1:10000", "DefaultEndpointsProtocol=http;AccountName=devstore;BlobEndpoint=http://127.0.0.1:10000"],
  ];

  it.each(cases)("reports %s: %s", (kind, text, secret) => {
    const value = JSON.stringify(text);
    const column = 14 + value.indexOf(secret);
    expect(value.indexOf(secret)).toBeGreaterThan(0);
    expect(secretsIn(describedAs(text))).toEqual([{ at: `${file}:3:${column}-3:${column + secret.length} DW180`, message: what(kind) }]);
  });

  it.each([
    "password: hunter2-horse",
    "token: 0123456789abcdef",
    '"clientSecret": "a long value here"',
    "- apiKey: key-material-123",
    "{ sasToken: sv2022abcdef",
    "connectionString:Server=db;Database=x",
    "accessToken: 'quoted value'",
  ])("reports a secret written as a YAML key, the whole line: %s", (line) => {
    // The block's lines start on line 5, after a first line that is not a secret; the match spans the line.
    expect(secretsIn(describedInBlock("first line", line, "last line"))).toEqual([{ at: `${file}:5:1-5:${line.length + 3} DW180`, message: what("a secret") }]);
  });

  it("reports a secret whose YAML key starts the line, with no indentation", () => {
    const files = baseEstate();
    files[file] = `${files[file] ?? ""}token: 0123456789abcdef\n`;
    expect(secretsIn(files).map((f) => f.at)).toEqual([`${file}:10:1-10:6 DW006`, `${file}:10:1-10:24 DW180`]);
  });

  it("reports a secret followed by a YAML comment, up to the comment", () => {
    expect(secretsIn(describedInBlock("password: hunter2horse # rotated in March"))).toEqual([{ at: `${file}:4:1-4:26 DW180`, message: what("a secret") }]);
  });
});

describe("DW180: near misses pass", () => {
  it.each([
    // JWT: too short a segment, or not base64url JSON headers
    "eyJhbGciOi.eyJzdWIi.short",
    "eyJhbGciOiJIUzI1NiJ9.notajwtpayload.c2lnbmF0dXJl",
    // account and access keys too short to be keys; other settings of a connection string
    "AccountKey=short123",
    "SharedAccessKey=short123",
    "AccountName=contosomaps;EndpointSuffix=core.windows.net",
    "Endpoint=https://contoso.servicebus.windows.net/",
    // SAS: a short signature outside a SAS query, and a SAS query without a signature
    "https://contosomaps.blob.core.windows.net/maps?sig=tooShort",
    "https://contosomaps.blob.core.windows.net/maps?sv=2022-11-02&sp=r",
    "the signature=abcdefghijklmnopqrstuvwx",
    // Entra: the right alphabet but not the shape (no digit before Q~, too short, too long)
    "abcdQ~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0",
    "abc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1",
    "abc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0Ij9Kl",
    "xabc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0",
    // client secret, password: a reference or a too short value, a word that ends in password
    "client_secret=short",
    "set client_secret in the vault",
    "password=abc",
    "the mypassword=correcthorse setting",
    // private key: public material
    "-----BEGIN PUBLIC KEY-----",
    "-----BEGIN CERTIFICATE-----",
    `clientSecretVariable ${plain}`,
  ])("passes %s", (text) => {
    expect(secretsIn(describedAs(text))).toEqual([]);
  });

  it.each([
    ["a reference by name", "clientSecretVariable: DWCTL_CLIENT_SECRET"],
    ["a value too short to be a secret", "password: none"],
    ["a comment", "# token: see the vault for the real one"],
    ["a flow mapping value", "token: {ref: vault}"],
    ["a quoted empty value", 'secret: ""'],
    ["a key that only ends in a secret's name", "mytoken: 0123456789abcdef"],
    ["a short value before a comment", "token: abc # the real one is in the vault"],
    ["prose that mentions a secret", "the secret: rotate it every 90 days"],
  ])("passes %s in a YAML block", (_why, line) => {
    expect(secretsIn(describedInBlock(line))).toEqual([]);
  });
});

describe("DW180 reports each secret once, never echoing it", () => {
  it("says how to fix it, and names the rule in SARIF for code scanning", async () => {
    const [finding] = validate(describedAs("Password=hunter2"));
    expect(finding?.hint).toBe(
      "Remove it, rotate it (it is in the history now), and reference it instead: auth.clientSecretVariable names an environment variable, or use github-oidc.",
    );
    const dir = await tempTree(describedAs("Password=hunter2"));
    const sarif = await runCli(["validate", "--format", "sarif"], dir);
    expect(sarif.code).toBe(1);
    const run = (JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string; name: string }[] } } }[] }).runs[0];
    expect(run?.tool.driver.rules.find((r) => r.id === "DW180")?.name).toBe("No credentials in YAML");
    expect(sarif.stdout).not.toContain("hunter2");
  });

  it("reports secrets that touch, each once", () => {
    // A key and a private key pasted together; a private key and a JWT pasted together.
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ";
    const key = "AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFy";
    const pem = "-----BEGIN RSA PRIVATE KEY-----";
    expect(secretsIn(describedAs(`${key}${pem}`)).map((f) => `${f.at} ${f.message}`)).toEqual([
      `${file}:3:15-3:${15 + key.length} DW180 ${what("a storage account key")}`,
      `${file}:3:${15 + key.length}-3:${15 + key.length + pem.length} DW180 ${what("a private key")}`,
    ]);
    expect(secretsIn(describedAs(`${pem}${jwt}`)).map((f) => `${f.at} ${f.message}`)).toEqual([
      `${file}:3:15-3:${15 + pem.length} DW180 ${what("a private key")}`,
      `${file}:3:${15 + pem.length}-3:${15 + pem.length + jwt.length} DW180 ${what("a JSON Web Token")}`,
    ]);
  });

  it("reports a secret before one that an earlier pattern found", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ";
    expect(secretsIn(describedAs(`Password=hunter2 then ${jwt}`)).map((f) => f.message)).toEqual([what("a password"), what("a JSON Web Token")]);
  });

  it("reports a storage connection string at its account key only", () => {
    const key = "AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4";
    const text = `DefaultEndpointsProtocol=https;AccountName=contosomaps;${key};EndpointSuffix=core.windows.net`;
    const findings = secretsIn(describedAs(text));
    expect(findings.map((f) => f.message)).toEqual([what("a storage account key")]);
    expect(JSON.stringify(findings)).not.toContain("Zm9vYmFy");
  });

  it("reports two secrets on one line, and the same secret in two files, separately", () => {
    const entra = "abc8Q~Zx9_Lm3.Kp7-Qr2~Tv5Wy8Ab1Cd4Ef6Gh0";
    const files = describedAs(`${entra} and password=hunter2`);
    const key = "maps/keys/transactioncurrency.yaml";
    files[key] = `${files[key] ?? ""}# old: ${entra}\n`;
    expect(secretsIn(files).map((f) => `${f.at} ${f.message}`)).toEqual([
      `${key}:5:8-5:48 DW180 ${what("a Microsoft Entra client secret")}`,
      `${file}:3:15-3:55 DW180 ${what("a Microsoft Entra client secret")}`,
      `${file}:3:60-3:76 DW180 ${what("a password")}`,
    ]);
  });
});
