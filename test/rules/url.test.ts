import { describe, expect, it } from "vitest";
import { canonicalHost, environmentIdentity, financeAndOperationsIdentities, isLoopback } from "../../src/rules/url.js";

describe("canonicalHost", () => {
  it.each([
    ["CONTOSO.crm.dynamics.com", "contoso.crm.dynamics.com"],
    ["contoso.crm.dynamics.com.", "contoso.crm.dynamics.com"],
    ["müller.crm.dynamics.com", "xn--mller-kva.crm.dynamics.com"],
    ["ＣＯＮＴＯＳＯ.crm.dynamics.com", "contoso.crm.dynamics.com"],
    ["127.0.0.1", "localhost"],
    ["127.1.2.3", "localhost"],
    ["[::1]", "localhost"],
    ["[::ffff:7f00:1]", "localhost"],
    ["0.0.0.0", "localhost"],
    ["LOCALHOST.", "localhost"],
    ["prod.operations.localhost", "prod.operations.localhost"],
  ])("writes %s as %s", (host, expected) => {
    expect(canonicalHost(host)).toBe(expected);
  });
});

describe("isLoopback", () => {
  it.each(["http://127.0.0.1/x", "http://localhost:8080/", "http://[::1]/", "http://prod.operations.localhost/", "http://2130706433/", "http://[::ffff:127.0.0.1]/"])(
    "takes %s for loopback",
    (url) => {
      expect(isLoopback(new URL(url))).toBe(true);
    },
  );

  it.each(["http://127.0.0.1.evil.example/", "http://evil.example/127.0.0.1", "http://localhost.evil.example/", "http://128.0.0.1/", "http://a127.0.0.1.example/"])(
    "does not take %s for loopback (the pattern is anchored)",
    (url) => {
      expect(isLoopback(new URL(url))).toBe(false);
    },
  );
});

describe("environment identities", () => {
  it("gives a real Dataverse its host, whatever the case, trailing dot, port, path or IDNA spelling", () => {
    const ids = ["https://contoso.crm.dynamics.com", "https://CONTOSO.crm.dynamics.com./", "https://contoso.crm.dynamics.com:443/api/data/v9.2", "https://ｃｏｎｔｏｓｏ.crm.dynamics.com"].map(
      environmentIdentity,
    );
    expect(new Set(ids)).toEqual(new Set(["contoso.crm.dynamics.com"]));
  });

  it("gives a loopback Dataverse its path, whatever the loopback host and port", () => {
    expect(environmentIdentity("http://localhost:8080/Prod//dataverse/")).toBe(environmentIdentity("http://127.0.0.1/prod/dataverse"));
    expect(environmentIdentity("http://127.0.0.1/stage/dataverse")).not.toBe(environmentIdentity("http://127.0.0.1/prod/dataverse"));
  });

  it("gives a finance and operations environment its bare host, and on loopback its path too", () => {
    expect(financeAndOperationsIdentities("https://Contoso.operations.dynamics.com.:443/")).toEqual(["contoso.operations.dynamics.com"]);
    expect(financeAndOperationsIdentities("http://prod.operations.localhost/prod/finops")).toEqual(["prod.operations.localhost", "loopback/prod/finops"]);
  });
});
