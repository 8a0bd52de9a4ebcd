export { HttpClient, MAX_PAGE_SIZE, dispatcherFromEnv, etagOf } from "./client.js";
export type {
  BatchOptions,
  HttpClientOptions,
  HttpLogEvent,
  HttpLogger,
  HttpResponse,
  HttpStats,
  LogLevel,
  PageOptions,
  RequestOptions,
  SleepFunction,
  WaitEvent,
} from "./client.js";
export { MAX_BATCH_OPERATIONS, buildBatches, chunkBatchItems, isChangeSet, parseBatchResponse } from "./batch.js";
export type { BatchChangeSet, BatchItem, BatchOperation, BatchOperationResult, BatchRequestBody, BuildBatchOptions } from "./batch.js";
export {
  AccessDeniedError,
  AuthenticationError,
  HttpError,
  HttpRequestError,
  NetworkError,
  PreconditionFailedError,
  ProtocolError,
  TimeoutError,
} from "./errors.js";
export { ConcurrencyLimiter } from "./limiter.js";
export { redact, registerSecret } from "./redact.js";
export { RETRYABLE_STATUSES, RetryBudget, backoffDelay, isAmbiguousFailure, isIdempotent, isNetworkError, isPermanentConnectionError, parseRetryAfter } from "./retry.js";
export type { BackoffPolicy, HttpMethod } from "./retry.js";
export { TokenCache } from "./token-cache.js";
