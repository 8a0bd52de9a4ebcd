/** A request as the routers see it: already authenticated, body read. `rest` is the path below the service root. */
export interface ApiRequest {
  method: string;
  url: URL;
  rest: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  body: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Thrown anywhere below a router; the router turns it into an OData error response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}
