import { alternateKeyShape } from "./alternate-key-shape.js";
import { authSettings } from "./auth-settings.js";
import { companyFilter } from "./company-filter.js";
import { controlCharacters } from "./control-characters.js";
import { dataverseFilter } from "./dataverse-filter.js";
import { dependencyCycle } from "./dependency-cycle.js";
import { dependsOnExists } from "./depends-on-exists.js";
import { duplicateDestination } from "./duplicate-destination.js";
import { duplicateMapping } from "./duplicate-mapping.js";
import { environmentReferences } from "./environment-references.js";
import { fileNameMatches } from "./file-name-matches.js";
import { finopsFilter } from "./finops-filter.js";
import { finopsFilterEmptyString } from "./finops-filter-empty-string.js";
import { finopsFilterParenthesized } from "./finops-filter-parenthesized.js";
import { httpsOnly } from "./https-only.js";
import { integrationKeyBidirectional } from "./integration-key-bidirectional.js";
import { integrationKeyCompany } from "./integration-key-company.js";
import { integrationKeyExists } from "./integration-key-exists.js";
import { integrationKeyMapped } from "./integration-key-mapped.js";
import { legalEntityLimit } from "./legal-entity-limit.js";
import { lookupCovered } from "./lookup-covered.js";
import { movedCycle } from "./moved-cycle.js";
import { movedFromGone } from "./moved-from-gone.js";
import { movedOnce } from "./moved-once.js";
import { movedToExists } from "./moved-to-exists.js";
import { noSecrets } from "./no-secrets.js";
import { numberSequences } from "./number-sequences.js";
import { oneToOnePairing } from "./one-to-one-pairing.js";
import type { Rule } from "./rule.js";
import { scopeMatch } from "./scope-match.js";
import { singleEnvironmentsFile } from "./single-environments-file.js";
import { tokenDestinations } from "./token-destinations.js";
import { transformDirection } from "./transform-direction.js";
import { uniqueEntityPairs } from "./unique-entity-pairs.js";
import { uniqueIntegrationKeys } from "./unique-integration-keys.js";
import { uniqueMapNames } from "./unique-map-names.js";
import { uniquePairNames } from "./unique-pair-names.js";
import { unusedIntegrationKey } from "./unused-integration-key.js";
import { valueMapInvertible } from "./value-map-invertible.js";
import { valueMapKeys } from "./value-map-keys.js";

/** Every semantic rule, in code order. Codes are stable: never reuse a retired one. */
export const rules: readonly Rule[] = [
  uniqueMapNames,
  fileNameMatches,
  uniqueIntegrationKeys,
  singleEnvironmentsFile,
  uniqueEntityPairs,
  integrationKeyExists,
  integrationKeyMapped,
  integrationKeyBidirectional,
  integrationKeyCompany,
  alternateKeyShape,
  unusedIntegrationKey,
  duplicateDestination,
  valueMapKeys,
  valueMapInvertible,
  transformDirection,
  duplicateMapping,
  dataverseFilter,
  finopsFilter,
  finopsFilterEmptyString,
  companyFilter,
  finopsFilterParenthesized,
  scopeMatch,
  dependsOnExists,
  dependencyCycle,
  lookupCovered,
  numberSequences,
  uniquePairNames,
  oneToOnePairing,
  httpsOnly,
  legalEntityLimit,
  environmentReferences,
  authSettings,
  tokenDestinations,
  noSecrets,
  controlCharacters,
  movedFromGone,
  movedToExists,
  movedOnce,
  movedCycle,
];
