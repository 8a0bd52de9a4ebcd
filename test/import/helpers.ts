import { connectSandbox } from "../../src/sandbox/connect.js";

/** Milliseconds per labelled step, printed by each round-trip test so its runtime is on record. */
export class Stopwatch {
  readonly ms: Record<string, number> = {};

  async time<T>(label: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.ms[label] = Math.round(performance.now() - started);
    }
  }
}

export interface SandboxApi {
  /** A request to one of an environment's services, with a sandbox token for it. */
  call(environment: string, service: "dataverse" | "finops", method: string, path: string, body?: unknown): Promise<Response>;
  url: string;
}

/** One connection to a project's sandbox (DWCTL_SANDBOX_DIR), as an administrator's client would reach it. */
export async function withSandbox<T>(dataDir: string, work: (api: SandboxApi) => Promise<T>): Promise<T> {
  const connection = await connectSandbox({ dataDir });
  const tokens = new Map<string, string>();
  const token = async (audience: string): Promise<string> => {
    const known = tokens.get(audience);
    if (known !== undefined) return known;
    const reply = await fetch(`${connection.url}/_sandbox/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: "tests", client_secret: connection.secret, scope: `${audience}/.default` }),
    });
    const value = ((await reply.json()) as { access_token: string }).access_token;
    tokens.set(audience, value);
    return value;
  };
  try {
    return await work({
      url: connection.url,
      call: async (environment, service, method, path, body) => {
        const audience = `${connection.url}/${environment}/${service}`;
        const base = service === "dataverse" ? `${audience}/api/data/v9.2` : `${audience}/data`;
        return fetch(`${base}/${path}`, {
          method,
          headers: { authorization: `Bearer ${await token(audience)}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      },
    });
  } finally {
    await connection.close();
  }
}

/** Creates the Dataverse publishers an estate's versions name that the environment lacks, as an administrator would (README, "Publishers"). */
export async function createPublishers(dataDir: string, environment: string, publishers: readonly string[]): Promise<string[]> {
  return withSandbox(dataDir, async ({ call }) => {
    const created: string[] = [];
    for (const publisher of [...new Set(publishers)].sort()) {
      const found = (await (await call(environment, "dataverse", "GET", `publishers?$filter=uniquename eq '${publisher}'&$select=publisherid`)).json()) as { value: unknown[] };
      if (found.value.length > 0) continue;
      const reply = await call(environment, "dataverse", "POST", "publishers", { uniquename: publisher, friendlyname: publisher, customizationprefix: "msdyn" });
      if (!reply.ok) throw new Error(`publisher ${publisher}: ${reply.status} ${await reply.text()}`);
      created.push(publisher);
    }
    return created;
  });
}
