/**
 * What doctor checks an estate against, each fact with its public source. Nothing here is guessed:
 * where the sources say nothing, the check that would need the fact says it cannot check, and why.
 *
 * Shorthands as in ../shared/DOMAIN.md: DW/ = MicrosoftDocs/dynamics-365-unified-operations-public,
 * articles/fin-ops-core/dev-itpro/data-entities/dual-write/.
 */

/** One Microsoft Entra application that dual-write needs in an environment. */
export interface DualWriteApplication {
  id: string;
  name: string;
  /** false: the sources make it optional in some environments (said in `note`). */
  required: boolean;
  note?: string;
}

/**
 * The application users dual-write needs in Dataverse: "Add users to the following applications"
 * 00000015-0000-0000-c000-000000000000 and 2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b; the first "is not a
 * requirement in Cloud Hosted Environments (CHEs) managed by customers. This application ID is only
 * required in Microsoft managed environments" (DW/requirements-and-prerequisites.md, rev. 02/23/2024,
 * step 2; its health check reads "App user with ID … exists"). 2e49aa60-… is Microsoft's first-party
 * "Dynamics Data Integration" app (platform/dualwrite-service.md §2).
 */
export const DATAVERSE_APPLICATIONS: readonly DualWriteApplication[] = [
  {
    id: "00000015-0000-0000-c000-000000000000",
    name: "Finance and operations",
    required: false,
    note: "required in Microsoft-managed environments only, not in a cloud-hosted environment you manage (DW/requirements-and-prerequisites.md)",
  },
  { id: "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b", name: "Dynamics Data Integration", required: true },
];

/**
 * The Microsoft Entra applications finance and operations must list (System administration >
 * Microsoft Entra applications, table SysAADClientTable): client ids 6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452
 * and 2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b, each with "an application user that is enabled and has the
 * appropriate privileges for Dual-write data management" (DW/requirements-and-prerequisites.md, rev.
 * 02/23/2024, step 1; health check "App user with ID … exists"). Which F&O security role those
 * privileges come from is not named there, so doctor does not check F&O roles.
 */
export const FINOPS_APPLICATIONS: readonly DualWriteApplication[] = [
  { id: "6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452", name: "Dual-write (Dataverse to finance and operations)", required: true },
  { id: "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b", name: "Dynamics Data Integration", required: true },
];

/**
 * Dataverse security roles (DOMAIN.md §3: "Dual-Write Runtime User (write) and Dual-Write App User
 * (company/currency read)"). DW/requirements-and-prerequisites.md (rev. 02/23/2024): "All Dual-write
 * users will need to be added to the Dual-Write App User security role"; "to allow non-administrator
 * users to create rows in a Dual-write enabled table, they will need to be assigned the Dual-Write
 * Runtime User security role". DW/security-roles.md: "All Microsoft Dataverse users should be added to
 * the dual-write runtime user and dual-write app user security roles."
 */
export const APP_USER_ROLE = "Dual-Write App User";
export const RUNTIME_USER_ROLE = "Dual-Write Runtime User";
/** The administrator role that stands in for the runtime user role (the older revision of the same page gave the app users System Administrator). */
export const SYSTEM_ADMINISTRATOR_ROLE = "System Administrator";

/**
 * The dual-write core solution: "msdyn_DualWriteCore", "Dual Write Core", which holds the map
 * metadata; without it "entity 'msdyn_dualwriteentitymap' … not found in the MetadataCache" (DOMAIN.md
 * §6; DW/app-lifecycle-management.md, DW/dual-write-troubleshooting-solution-awareness.md). Its health
 * check reads "The dual-write core solution was found" (DW/requirements-and-prerequisites.md).
 */
export const CORE_SOLUTION = { uniqueName: "msdyn_DualWriteCore", name: "Dual Write Core" };

/**
 * Microsoft's map solutions (DOMAIN.md §6; DW/separated-solutions.md, rev. 05/04/2023). Every other
 * package depends on the Dual-write Application Core package, whose map solution is
 * msdyn_DualWriteAppCoreMaps ("The Dual-write Application Core package has no dependency on other
 * packages"; the Human Resources, Supply Chain and Finance packages each depend on it).
 */
export const MICROSOFT_MAP_SOLUTIONS: readonly { uniqueName: string; name: string }[] = [
  { uniqueName: "msdyn_DualWriteAppCoreMaps", name: "Dual-write applications core entity maps" },
  { uniqueName: "msdyn_Dynamics365FinanceExtendedMaps", name: "Dynamics 365 Finance extended entity maps" },
  { uniqueName: "msdyn_Dynamics365SupplyChainExtendedMaps", name: "Dynamics 365 Supply Chain Management extended entity maps" },
  { uniqueName: "msdyn_Dynamics365HCMMaps", name: "Dynamics 365 Human Resources entity maps" },
];

/**
 * The dual-write health check (DW/configuration-health-check.md, rev. 06/30/2023; DOMAIN.md §5): the
 * codes doctor repeats, each with the documented meaning.
 */
export const HEALTH_CODES = {
  companyDataverse: "DWDVEV1003",
  companyFinOps: "DWFOEV1003",
  staleDataverse: "DWDVEV1004",
  staleFinOps: "DWFOEV1004",
} as const;
