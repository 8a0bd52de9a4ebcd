import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
}

export interface RecordedCall {
  method: string;
  path: string;
  body: string;
  authorization: string | undefined;
}

/**
 * A stand-in for the GitHub REST API's issue comments, on loopback, for the real Octokit client:
 * list (paged with Link headers, as GitHub pages), create, update and delete, and GET /user answered
 * as GitHub answers the job's GITHUB_TOKEN (403). Comments made through it are the bot's. It
 * refuses a body over 65,536 characters as GitHub does (422), and records every call.
 */
export class FakeGitHub {
  readonly comments: FakeComment[] = [];
  readonly calls: RecordedCall[] = [];
  /** Answers the next call of this method (on a path containing `path`) with a failure instead; `{authorization}` in the message echoes the header. */
  failNext: { method: string; path: string; status: number; message: string } | undefined;
  #server: Server | undefined;
  #nextId = 1000;
  url = "";

  async start(): Promise<string> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  /** A comment someone else wrote (a person by default), as if already on the pull request. */
  seed(issue: number, body: string, user = { login: "octocat", type: "User" }): FakeComment {
    const comment = { id: this.#nextId++, issue, body, user };
    this.comments.push(comment);
    return comment;
  }

  on(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  callsSince(index: number): RecordedCall[] {
    return this.calls.slice(index);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const method = req.method ?? "GET";
    this.calls.push({ method, path: url.pathname + url.search, body: raw, authorization: req.headers.authorization });
    const send = (status: number, value?: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(value === undefined ? "" : JSON.stringify(value));
    };
    if (this.failNext !== undefined && this.failNext.method === method && url.pathname.includes(this.failNext.path)) {
      const { status, message } = this.failNext;
      this.failNext = undefined;
      send(status, { message: message.replace("{authorization}", req.headers.authorization ?? "") });
      return;
    }
    if (req.headers.authorization === undefined) return send(401, { message: "Requires authentication" });
    if (method === "GET" && url.pathname === "/user") return send(403, { message: "Resource not accessible by integration" });
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    const body = (): string => (JSON.parse(raw) as { body: string }).body;
    if (list !== null && method === "GET") {
      const issue = Number(list[3]);
      const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? 30));
      const page = Number(url.searchParams.get("page") ?? 1);
      const all = this.on(issue);
      const items = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string): string => `<${this.url}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
      return send(200, items.map((c) => this.#json(c)), links.length === 0 ? {} : { link: links.join(", ") });
    }
    if (list !== null && method === "POST") {
      const text = body();
      if (text.length > 65_536) return send(422, { message: "Validation Failed", errors: [{ message: "body is too long (maximum is 65536 characters)" }] });
      const comment = { id: this.#nextId++, issue: Number(list[3]), body: text, user: { login: "github-actions[bot]", type: "Bot" } };
      this.comments.push(comment);
      return send(201, this.#json(comment));
    }
    if (one !== null) {
      const comment = this.comments.find((c) => c.id === Number(one[3]));
      if (comment === undefined) return send(404, { message: "Not Found" });
      if (method === "PATCH") {
        const text = body();
        if (text.length > 65_536) return send(422, { message: "Validation Failed", errors: [{ message: "body is too long (maximum is 65536 characters)" }] });
        comment.body = text;
        return send(200, this.#json(comment));
      }
      if (method === "DELETE") {
        this.comments.splice(this.comments.indexOf(comment), 1);
        res.writeHead(204);
        res.end();
        return;
      }
    }
    send(404, { message: "Not Found" });
  }

  #json(c: FakeComment): Record<string, unknown> {
    return { id: c.id, body: c.body, user: c.user, html_url: `${this.url}/comment/${c.id}` };
  }
}
