import type { InstalledSolution } from "../live/probe/probe.js";
import { solutionFor } from "../plan/solution-name.js";
import { fail, pass, type DoctorCheck } from "./check.js";
import { CORE_SOLUTION, MICROSOFT_MAP_SOLUTIONS } from "./facts.js";

export const CORE_CHECK = { id: "solutions.core", title: "The dual-write core solution is installed in Dataverse" };
export const MAPS_CHECK = { id: "solutions.maps", title: "The map solutions are installed in Dataverse" };

const find = (solutions: readonly InstalledSolution[], uniqueName: string): InstalledSolution | undefined =>
  solutions.find((solution) => solution.uniqueName.toLowerCase() === uniqueName.toLowerCase());

const describe = (solution: InstalledSolution): string => `${solution.uniqueName} ${solution.version || "(no version)"} (${solution.managed ? "managed" : "unmanaged"})`;

export function assessCoreSolution(solutions: readonly InstalledSolution[]): DoctorCheck {
  const { id, title } = CORE_CHECK;
  const core = find(solutions, CORE_SOLUTION.uniqueName);
  if (core === undefined) {
    return fail(
      id,
      title,
      `Dataverse has no solution ${CORE_SOLUTION.uniqueName} (${CORE_SOLUTION.name}), which holds the table msdyn_dualwriteentitymap where map versions live`,
      `install ${CORE_SOLUTION.name} from AppSource (Power Apps > Solutions > Open AppSource > ${CORE_SOLUTION.name}), then run doctor again (DW/requirements-and-prerequisites.md)`,
    );
  }
  return pass(id, title, describe(core));
}

/**
 * The solutions this estate's map versions are saved in (dwctl's `dwctl_<publisher>`, created by the
 * first apply that saves under that publisher) and Microsoft's map solutions, with their versions. A
 * Microsoft map solution installed without msdyn_DualWriteAppCoreMaps, which every other package
 * depends on (DW/separated-solutions.md), fails.
 */
export function assessMapSolutions(solutions: readonly InstalledSolution[], publishers: readonly string[]): DoctorCheck {
  const { id, title } = MAPS_CHECK;
  const own = [...new Set(publishers.map(solutionFor))].sort().map((name) => {
    const found = find(solutions, name);
    return found === undefined ? `${name} not created yet (the first apply that saves a map under its publisher creates it)` : describe(found);
  });
  const microsoft = MICROSOFT_MAP_SOLUTIONS.flatMap((known) => {
    const found = find(solutions, known.uniqueName);
    return found === undefined ? [] : [found];
  });
  const [appCore, ...others] = MICROSOFT_MAP_SOLUTIONS;
  const installedOthers = others.filter((known) => find(solutions, known.uniqueName) !== undefined);
  const detail = [
    own.length === 0 ? "this pair's maps name no publisher" : `dwctl's: ${own.join(", ")}`,
    `Microsoft's: ${microsoft.length === 0 ? "none installed" : microsoft.map(describe).join(", ")}`,
  ].join("; ");
  if (appCore !== undefined && installedOthers.length > 0 && find(solutions, appCore.uniqueName) === undefined) {
    return fail(
      id,
      title,
      `${installedOthers.map((known) => known.uniqueName).join(", ")} ${installedOthers.length === 1 ? "is" : "are"} installed without ${appCore.uniqueName}, which every Microsoft map package depends on; ${detail}`,
      `install the Dual-write Application Core package from AppSource, then the packages that depend on it (DW/separated-solutions.md)`,
    );
  }
  return pass(id, title, detail);
}
