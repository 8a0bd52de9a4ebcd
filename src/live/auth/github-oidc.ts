/** The audience Entra ID expects of a federated GitHub Actions token. */
export const FEDERATION_AUDIENCE = "api://AzureADTokenExchange";

/**
 * The job's OIDC token, the client assertion of a federated credential. @actions/core is loaded
 * only here and only when a token is needed, so nothing else pulls in the Actions toolkit.
 */
export async function githubOidcAssertion(): Promise<string> {
  const core = await import("@actions/core");
  return core.getIDToken(FEDERATION_AUDIENCE);
}
