/**
 * The two path families of the dual-write management service (dualwrite-service.md §1). Both are
 * relative to the configured service root, so that its port and any path prefix are kept (on the
 * sandbox the root is `http://127.0.0.1:<port>/dualwrite`); DW Helper rebuilds host-rooted URLs
 * from scheme and host only (Dual-write-automations DWLibary/Engines/DWCommonEngine.cs:366), which
 * dwctl must not copy.
 */

/** dualwrite-service.md §1, Dual-write-automations DWLibary/DWHttp.cs:44-57. */
export const MANAGEMENT_PREFIX = "api/DualWriteManagement/1.0/";

const segment = (value: string): string => encodeURIComponent(value);
const query = (value: string): string => encodeURIComponent(value);

export const paths = {
  /** §5.1: the identifier is the bare F&O host (§3). */
  environments: (foHost: string): string => `${MANAGEMENT_PREFIX}Environments?targetType=AX&identifier=${query(foHost)}`,
  /** §5.2 */
  entities: (cid: string): string => `${MANAGEMENT_PREFIX}Entities?targetType=AX&cid=${query(cid)}`,
  /** §5.3: `{pid}` directly under `1.0/`. */
  fieldMappings: (pid: string): string => `${MANAGEMENT_PREFIX}${segment(pid)}/FieldMappings`,
  /** §5.5: with the trailing slash. */
  solutions: (cid: string): string => `${MANAGEMENT_PREFIX}SolutionAware/${segment(cid)}/Solutions/`,
  /** §5.6 */
  restoreTemplates: (cid: string): string => `${MANAGEMENT_PREFIX}SolutionAware/${segment(cid)}/RestoreTemplates`,
  /** §5.6: Apply Solution's own status path. */
  solutionStatus: (cid: string, requestId: string): string => `${MANAGEMENT_PREFIX}SolutionAware/${segment(cid)}/Status/${segment(requestId)}`,
  /** §5.7 */
  switchActive: (cid: string, templateId: string, pid: string): string =>
    `${MANAGEMENT_PREFIX}SolutionAware/${segment(cid)}/SwitchActive/${segment(templateId)}?pid=${query(pid)}`,
  /** §5.10 */
  prerequisites: (cid: string): string => `${MANAGEMENT_PREFIX}GetTemplatePrerequisiteSequences/${segment(cid)}`,
  /** §5.11 */
  start: (): string => `${MANAGEMENT_PREFIX}Start`,
  /** §5.11 */
  status: (requestId: string): string => `${MANAGEMENT_PREFIX}Status/${segment(requestId)}`,
  /** §5.4: host-rooted, keyed by `cname`. */
  connectionSet: (cname: string): string => `api/ConnectionSet/${segment(cname)}`,
  /** §5.13: host-rooted, keyed by `cid`; `forceReset` is .NET's capitalised bool text (§4). */
  reset: (cid: string, force: boolean): string => `api/ConnectionSet/${segment(cid)}/Reset?targetType=AX&forceReset=${force ? "True" : "False"}`,
  /** §5.8: host-rooted. */
  integrationKeys: (datasetName: string): string => `api/dataset/${segment(datasetName)}/IntegrationKeys`,
  /** §5.9: host-rooted, keyed by the project name. */
  refresh: (projectName: string): string => `api/Project/${segment(projectName)}/Refresh`,
  /** §5.12: host-rooted. */
  projectExecution: (pid: string): string => `api/ProjectExecutionWithCompanies/${segment(pid)}`,
};
