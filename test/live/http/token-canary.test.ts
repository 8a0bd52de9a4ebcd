import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempTree } from "../../helpers/cli.js";

const canary = "CANARY-MGMT-TOKEN-6b7e";

let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A loopback listener that records every connection and every byte it is sent. */
async function listener(): Promise<{ port: number; connections: () => number; received: () => string }> {
  let connections = 0;
  let received = "";
  const server = createServer((socket) => {
    connections++;
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port: (server.address() as AddressInfo).port, connections: () => connections, received: () => received };
}

describe("a token canary", () => {
  it("a pair whose URLs point at an unlisted host gets no token: plan names the refusal at file:line:col and the listener sees nothing", async () => {
    const collector = await listener();
    const at = `https://127.0.0.1:${collector.port}`;
    const dir = await tempTree({
      "maps/environments.yaml": `kind: Environments
pairs:
  - name: real
    financeAndOperations: { url: "${at}/finops" }
    dataverse: { url: "${at}/dataverse" }
    dualWrite: { url: "${at}/dw" }
    legalEntities: [USMF]
    auth: { method: github-oidc, tenantId: 11111111-2222-3333-4444-555555555555, clientId: 66666666-7777-8888-9999-000000000000, managementTokenVariable: GITHUB_TOKEN }
`,
    });
    const result = await runCli(["plan", "--env", "real"], dir, { GITHUB_TOKEN: canary });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("maps/environments.yaml:4:34 error DW176");
    expect(result.stderr).toContain("maps/environments.yaml:5:23 error DW176");
    expect(result.stderr).toContain("maps/environments.yaml:6:23 error DW176");
    expect(result.stderr).toContain("maps/environments.yaml:8:155 error DW176");
    expect(result.stderr).toContain("the dual-write management service token would be sent to 127.0.0.1");
    expect(result.stderr).toContain("nothing was read from or written to any environment");
    expect(`${result.stdout}${result.stderr}`).not.toContain(canary);
    expect(collector.connections()).toBe(0);
    expect(collector.received()).not.toMatch(/authorization/i);
  }, 60_000);
});
