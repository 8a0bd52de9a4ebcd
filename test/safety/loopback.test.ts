import { describe, expect, it } from "vitest";
import { tokenHostAllowed } from "../../src/rules/token-hosts.js";
import { environmentIdentity, isLoopback } from "../../src/rules/url.js";
import { baseEstate, validate } from "../helpers/estate.js";

/**
 * Sandbox pairs may use plain http only on loopback (DW172). A host that merely starts or ends
 * like a loopback address is somebody else's machine: the loopback patterns are anchored.
 */

/** The base estate with the sandbox prod pair's Dataverse URL replaced. */
function prodDataverseAt(url: string): Record<string, string> {
  const files = baseEstate();
  const text = files["maps/environments.yaml"] ?? "";
  const from = 'dataverse: { url: "http://127.0.0.1/prod/dataverse" }';
  if (!text.includes(from)) throw new Error("the base estate changed: fix the test");
  files["maps/environments.yaml"] = text.replace(from, `dataverse: { url: "${url}" }`);
  return files;
}

const lookalikes = [
  "http://127.0.0.1.nip.io/prod/dataverse",
  "http://127.0.0.1.evil.example/prod/dataverse",
  "http://a127.0.0.1.example/prod/dataverse",
  "http://x.127.0.0.1.example/prod/dataverse",
  "http://localhost.evil.example/prod/dataverse",
  "http://128.0.0.1/prod/dataverse",
  "http://[::ffff:7f00:1:1]/prod/dataverse",
  "http://[1::ffff:7f00:1]/prod/dataverse",
];

describe("DW172: a sandbox pair stays on loopback", () => {
  it.each([
    "http://127.0.0.1/prod/dataverse",
    "http://127.255.0.9:8080/prod/dataverse",
    "http://localhost/prod/dataverse",
    "http://[::1]/prod/dataverse",
    "http://[::ffff:127.0.0.1]/prod/dataverse",
    "http://dataverse.prod.localhost/prod/dataverse",
  ])("accepts %s", (url) => {
    expect(validate(prodDataverseAt(url)).map((d) => d.code)).toEqual([]);
  });

  it.each(lookalikes)("refuses %s, which only looks like loopback", (url) => {
    const findings = validate(prodDataverseAt(url)).filter((d) => d.code === "DW172");
    expect(findings.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([`maps/environments.yaml:7 sandbox pair "prod" points at ${new URL(url).host}, which is not loopback`]);
  });
});

describe("loopback identity", () => {
  it.each(lookalikes)("does not take %s for this machine", (url) => {
    expect(isLoopback(new URL(url))).toBe(false);
  });

  it("keeps two look-alike hosts apart, where loopback ones are told apart by path only", () => {
    expect(environmentIdentity("http://127.0.0.1.a.example/x")).not.toBe(environmentIdentity("http://127.0.0.1.b.example/x"));
    expect(environmentIdentity("http://127.0.0.1.a.example/x")).toBe("127.0.0.1.a.example");
    expect(environmentIdentity("http://127.0.0.2/x")).toBe(environmentIdentity("http://localhost:9/x"));
  });
});

describe("an allow-list entry that is not a loopback name", () => {
  // Allow lists come from YAML, not from a URL parser: an entry that only contains a loopback
  // address is not loopback, and does not let a token go to this machine.
  it.each(["evil127.0.0.1", "evil.127.0.0.1", "127.0.0.1evil", "x[::ffff:7f00:1]", "[::ffff:7f00:1]x"])("%s does not allow a token for 127.0.0.1", (entry) => {
    expect(tokenHostAllowed("dataverse", "http://127.0.0.1/prod/dataverse", [entry])).toBe(false);
    expect(tokenHostAllowed("dataverse", "http://[::1]/prod/dataverse", [entry])).toBe(false);
  });

  it.each(["127.0.0.1", "localhost", "[::1]", "127.0.0.9"])("%s, a loopback alias, does", (entry) => {
    expect(tokenHostAllowed("dataverse", "http://127.0.0.1/prod/dataverse", [entry])).toBe(true);
  });
});
