/** Kept for the modules that import the gateway from here; the gateway lives in ./gateway/. */
export { GatewayConfigurationError, HttpEnvironmentGateway, dualWriteScopeFor, gatewayForPair, importReaderOf } from "./gateway/index.js";
export type { GatewayForPairOptions, HttpGatewayOptions } from "./gateway/index.js";
