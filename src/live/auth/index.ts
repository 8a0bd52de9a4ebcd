export { AuthConfigurationError, credentialsFor } from "./credentials.js";
export type { CredentialOptions, PairCredentials } from "./credentials.js";
export { RedactingCredential } from "./redacting-credential.js";
export { SandboxCredential } from "./sandbox-credential.js";
export { StaticTokenCredential } from "./static-token-credential.js";
export { HostBoundCredential, TokenDestinationError, assertTokenDestination } from "./host-bound-credential.js";
