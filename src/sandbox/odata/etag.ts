import type { ApiRequest } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { etagOf } from "../store/rows.js";

/** If-Match / If-None-Match as the Web API applies them; a weak or bare version both match. */
export function checkPreconditions(request: ApiRequest, existing: { version: number } | undefined): void {
  const ifMatch = request.headers["if-match"];
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifMatch !== undefined) {
    if (existing === undefined) throw new ApiError(404, "0x80040217", "The record does not exist.");
    const current = etagOf(existing.version);
    const matches = ifMatch.split(",").some((tag) => {
      const trimmed = tag.trim();
      return trimmed === "*" || trimmed === current || trimmed === `"${existing.version}"` || trimmed === String(existing.version);
    });
    if (!matches) throw new ApiError(412, "0x80060882", "The version of the existing record doesn't match the RowVersion property provided.");
  }
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() === "*" && existing !== undefined) {
    throw new ApiError(412, "0x80040237", "A record with matching key values already exists.");
  }
}
