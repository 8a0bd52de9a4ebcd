import type { SandboxContext } from "../context.js";
import { errorResponse, prefers } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import type { BatchOperation, BatchResult } from "../odata/multipart.js";
import { parseBatch, renderBatch } from "../odata/multipart.js";
import { forgetDatabase } from "../store/cache.js";

const MAX_OPERATIONS = 1000;

type Handler = (request: ApiRequest) => ApiResponse;

/** `$batch`: each operation runs through the same router; a change set is one transaction. */
export function handleBatch(context: SandboxContext, request: ApiRequest, root: string, handle: Handler): ApiResponse {
  const entries = parseBatch(request.headers["content-type"] ?? "", request.body);
  const count = entries.reduce((total, entry) => total + (entry.kind === "operation" ? 1 : entry.operations.length), 0);
  if (count > MAX_OPERATIONS) throw new ApiError(400, "0x80060888", `A $batch can hold at most ${MAX_OPERATIONS} operations; this one has ${count}.`);
  const continueOnError = prefers(request, "odata.continue-on-error");
  const results: BatchResult[] = [];
  for (const entry of entries) {
    if (entry.kind === "operation") {
      const response = run(entry.operation, root, handle);
      results.push({ kind: "operation", response, contentId: entry.operation.contentId });
      if (response.status >= 400 && !continueOnError) break;
      continue;
    }
    const result = runChangeSet(context, entry.operations, root, handle);
    results.push(result);
    const failed = result.kind === "operation" && result.response.status >= 400;
    if (failed && !continueOnError) break;
  }
  const rendered = renderBatch(results);
  return { status: 200, headers: { "content-type": rendered.contentType }, body: rendered.body };
}

function runChangeSet(context: SandboxContext, operations: BatchOperation[], root: string, handle: Handler): BatchResult {
  const databases = context.store.databases();
  for (const db of databases) db.exec("SAVEPOINT dwctl_changeset");
  const responses: { response: ApiResponse; contentId: string | undefined }[] = [];
  for (const operation of operations) {
    const response = operation.method === "GET" ? errorResponse(new ApiError(400, "0x80060888", "A change set cannot contain GET requests.")) : run(operation, root, handle);
    if (response.status >= 400) {
      for (const db of databases) {
        db.exec("ROLLBACK TO dwctl_changeset; RELEASE dwctl_changeset");
        // What the caches followed inside the change set is undone now.
        forgetDatabase(db);
      }
      return { kind: "operation", response, contentId: operation.contentId };
    }
    responses.push({ response, contentId: operation.contentId });
  }
  for (const db of databases) db.exec("RELEASE dwctl_changeset");
  return { kind: "changeSet", responses };
}

function run(operation: BatchOperation, root: string, handle: Handler): ApiResponse {
  let url: URL;
  try {
    url = new URL(operation.url, root);
  } catch {
    return errorResponse(new ApiError(400, "0x80060888", `Invalid URL in $batch: ${operation.url}`));
  }
  if (!url.href.startsWith(root)) {
    return errorResponse(new ApiError(400, "0x80060888", `A $batch operation must address this Dataverse: ${operation.url}`));
  }
  const rest = decodePath(url.pathname.slice(new URL(root).pathname.length));
  if (rest === "$batch") return errorResponse(new ApiError(400, "0x80060888", "A $batch cannot contain another $batch."));
  return handle({ method: operation.method, url, rest, headers: operation.headers, body: operation.body });
}

export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
