/**
 * The unmanaged Dataverse solution dwctl saves a publisher's map versions in. In the documented ALM
 * path a map version is used only once its solution is applied in finance and operations (Apply
 * Solution, DW/app-lifecycle-management.md); dwctl keeps one solution per publisher so that Apply
 * Solution loads exactly the versions it saved. Solution unique names take letters, digits and
 * underscores.
 */
export function solutionFor(publisher: string): string {
  return `dwctl_${publisher.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`;
}
