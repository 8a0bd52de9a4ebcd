import { connectSandbox } from "../../src/sandbox/connect.js";

export interface LoggedRequest {
  method: string;
  path: string;
  action?: string;
  initialSync?: boolean;
}

/** The sandbox's own log of the requests one environment received (GET /_sandbox/requests), oldest first. */
export async function sandboxLog(dataDir: string, environment: string): Promise<LoggedRequest[]> {
  const connection = await connectSandbox({ dataDir });
  try {
    const response = await fetch(`${connection.url}/_sandbox/requests?env=${environment}`);
    return ((await response.json()) as { value: LoggedRequest[] }).value;
  } finally {
    await connection.close();
  }
}
