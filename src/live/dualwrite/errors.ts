import { redact } from "../http/index.js";

/**
 * An answer of the dual-write management service that does not have the shape dwctl relies on
 * (dualwrite-service.md §0: real answers carry more, but what is read must be there). It names
 * the call and the field path, so that a change on Microsoft's side is found at once, instead of
 * reading as "not linked" or "no maps".
 */
export class DualWriteProtocolError extends Error {
  override name = "DualWriteProtocolError";
  readonly hint =
    "the dual-write management service answered in a shape dwctl does not know. The service is undocumented (see docs/live-api.md), so Microsoft may have changed it: nothing was changed by this call; report it to the dwctl maintainers with this message";

  constructor(
    readonly call: string,
    readonly problem: string,
  ) {
    super(redact(`${call}: ${problem}`));
  }
}
