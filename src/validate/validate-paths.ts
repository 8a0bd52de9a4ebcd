import { readWithEstate } from "../config/find-estate.js";
import { validateSources, type ValidationResult } from "./validate-sources.js";

/**
 * Validates files and folders in the context of their estates (see readWithEstate), reporting
 * only on the paths given: `dwctl validate maps/tablemaps/customers-v3-accounts.yaml` checks the
 * map against the keys and maps beside it, as a pre-commit hook needs.
 */
export async function validatePaths(paths: readonly string[], cwd: string): Promise<ValidationResult & { estates: string[] }> {
  const { files, given, estates } = await readWithEstate(paths, cwd);
  return { ...validateSources(files, { reportOn: given }), estates };
}
