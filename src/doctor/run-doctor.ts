import { AccessDeniedError, AuthenticationError, HttpError, NetworkError, redact } from "../live/http/index.js";
import type { EnvironmentProbe } from "../live/probe/probe.js";
import type { EnvironmentPair } from "../model/desired.js";
import { parseLastApplied } from "../model/last-applied.js";
import { apiCheck, skipFor, type ApiName } from "./assess-access.js";
import {
  COMPANIES_DATAVERSE,
  COMPANIES_FINOPS,
  COPY_CHECK,
  LINK_CHECK,
  STALE_DATAVERSE,
  STALE_FINOPS,
  assessCopy,
  assessDataverseCompanies,
  assessFinOpsCompanies,
  assessLink,
  assessStaleDataverse,
  assessStaleFinOps,
} from "./assess-link.js";
import { CORE_CHECK, MAPS_CHECK, assessCoreSolution, assessMapSolutions } from "./assess-solutions.js";
import { DATAVERSE_USERS, FINOPS_USERS, assessDataverseUsers, assessFinOpsApplications } from "./assess-users.js";
import { fail, skip, warn, type DoctorCheck, type DoctorReport, type Read, type ReadFailure } from "./check.js";
import { DATAVERSE_APPLICATIONS } from "./facts.js";

export interface DoctorInput {
  pair: EnvironmentPair;
  /** Every pair of environments.yaml, to name the pair a link points at. */
  pairs: readonly EnvironmentPair[];
  /** The publishers this pair's maps are saved under (their solutions are dwctl_<publisher>). */
  publishers: readonly string[];
  /** Opens the pair: credentials and clients. A failure here fails the three API checks with its reason. */
  open(): Promise<{ probe: EnvironmentProbe; close(): Promise<void> }>;
  /** The message and hint of a failure the user can act on; undefined for anything else. */
  explain(error: unknown): { message: string; hint: string } | undefined;
}

const TITLES: readonly { id: string; title: string }[] = [DATAVERSE_USERS, FINOPS_USERS, CORE_CHECK, MAPS_CHECK, LINK_CHECK, COMPANIES_DATAVERSE, COMPANIES_FINOPS, STALE_DATAVERSE, STALE_FINOPS, COPY_CHECK];

/**
 * Every check against one pair, GET requests only: nothing is written and no lock is taken. Each API
 * is read on its own, so a refused token fails its own check and the checks that need that API are
 * skipped with the reason; the others still run.
 */
export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const { pair } = input;
  let opened: { probe: EnvironmentProbe; close(): Promise<void> };
  try {
    opened = await input.open();
  } catch (error) {
    const failure = toFailure(error, input.explain);
    const apis: ApiName[] = ["dataverse", "finops", "dualwrite"];
    return {
      pair: pair.name,
      checks: [
        ...apis.map((api) => apiCheck(api, { ok: false, failure })),
        ...TITLES.map(({ id, title }) => skip(id, title, "cannot check: the pair could not be opened (see the api checks)")),
      ],
    };
  }
  try {
    return { pair: pair.name, checks: await checksOf(input, opened.probe) };
  } finally {
    await opened.close();
  }
}

async function checksOf(input: DoctorInput, probe: EnvironmentProbe): Promise<DoctorCheck[]> {
  const { pair, explain } = input;
  const read = <T>(run: () => Promise<T>): Promise<Read<T>> => readWith(run, explain);
  const host = new URL(pair.financeAndOperations.url).hostname;
  const [dataverse, finOps, dualWrite] = await Promise.all([read(() => probe.whoAmI()), read(() => probe.finOpsServiceRoot()), read(() => probe.dualWriteConnection())]);
  const checks: DoctorCheck[] = [
    apiCheck("dataverse", mapRead(dataverse, (who) => `organization ${who.organizationId}; the token was accepted`)),
    apiCheck("finops", mapRead(finOps, (sets) => `the service root lists ${sets} entity sets; the token was accepted`)),
    apiCheck("dualwrite", mapRead(dualWrite, (found) => `${found === undefined ? `no connection set for ${host} (see link)` : `connection set ${found.connectionSet} for ${host}`}; the token was accepted`)),
  ];
  const failed: ApiName[] = [...(dataverse.ok ? [] : ["dataverse" as const]), ...(finOps.ok ? [] : ["finops" as const]), ...(dualWrite.ok ? [] : ["dualwrite" as const])];

  const [users, finOpsApps, solutions, live] = await Promise.all([
    dataverse.ok ? read(() => probe.applicationUsers(DATAVERSE_APPLICATIONS.map((app) => app.id))) : undefined,
    finOps.ok ? readFinOpsApplications(probe, explain) : undefined,
    dataverse.ok ? read(() => probe.solutions()) : undefined,
    failed.length === 0 ? Promise.all([read(() => probe.snapshot()), read(() => probe.finOpsLegalEntities())]) : undefined,
  ]);

  checks.push(users === undefined ? skipFor(DATAVERSE_USERS.id, DATAVERSE_USERS.title, ["dataverse"]) : users.ok ? assessDataverseUsers(users.value) : readFailed(DATAVERSE_USERS, "the application users", users.failure));
  checks.push(finOpsApps ?? skipFor(FINOPS_USERS.id, FINOPS_USERS.title, ["finops"]));
  if (solutions === undefined) {
    checks.push(skipFor(CORE_CHECK.id, CORE_CHECK.title, ["dataverse"]), skipFor(MAPS_CHECK.id, MAPS_CHECK.title, ["dataverse"]));
  } else if (!solutions.ok) {
    checks.push(readFailed(CORE_CHECK, "the solutions", solutions.failure), readFailed(MAPS_CHECK, "the solutions", solutions.failure));
  } else {
    checks.push(assessCoreSolution(solutions.value), assessMapSolutions(solutions.value, input.publishers));
  }

  const linked = [LINK_CHECK, COMPANIES_DATAVERSE, COMPANIES_FINOPS, STALE_DATAVERSE, STALE_FINOPS, COPY_CHECK];
  if (live === undefined) {
    checks.push(...linked.map(({ id, title }) => skipFor(id, title, failed)));
    return checks;
  }
  const [snapshot, legalEntities] = live;
  if (!snapshot.ok) {
    checks.push(...linked.map((check) => readFailed(check, "the pair's snapshot (link, runtime configuration, companies, last-applied record)", snapshot.failure)));
    return checks;
  }
  const context = { pair, pairs: input.pairs, snapshot: snapshot.value, lastApplied: parseLastApplied(snapshot.value.lastApplied?.value) };
  checks.push(
    assessLink(context),
    assessDataverseCompanies(snapshot.value),
    assessFinOpsCompanies(snapshot.value, legalEntities),
    assessStaleDataverse(context),
    assessStaleFinOps(context),
    assessCopy(context),
  );
  return checks;
}

/**
 * The Entra applications and the users they act as. These F&O entities are inferred (probe.ts), so
 * an entity the environment does not expose (404) makes the check impossible, not failed.
 */
async function readFinOpsApplications(probe: EnvironmentProbe, explain: DoctorInput["explain"]): Promise<DoctorCheck> {
  const { id, title } = FINOPS_USERS;
  const notExposed = (entity: string): DoctorCheck =>
    warn(
      id,
      title,
      `cannot check: finance and operations has no public entity ${entity} (its name comes from a community module, d365bap.tools, not from Microsoft's documentation)`,
      "check System administration > Setup > Microsoft Entra applications by hand: client ids 6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452 and 2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b, each with an enabled user (DW/requirements-and-prerequisites.md)",
    );
  let applications;
  try {
    applications = await probe.entraApplications();
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return notExposed("SysAADClients");
    return readFailed(FINOPS_USERS, "the Microsoft Entra applications", toFailure(error, explain));
  }
  const userIds = [...new Set(applications.map((app) => app.userId).filter((userId) => userId !== ""))].sort();
  try {
    return assessFinOpsApplications(applications, await probe.finOpsUsers(userIds));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return notExposed("SystemUsers");
    return readFailed(FINOPS_USERS, "the users of finance and operations", toFailure(error, explain));
  }
}

function readFailed(check: { id: string; title: string }, what: string, failure: ReadFailure): DoctorCheck {
  return fail(check.id, check.title, `${what} could not be read: ${failure.message}`, failure.hint);
}

function mapRead<T, U>(read: Read<T>, to: (value: T) => U): Read<U> {
  return read.ok ? { ok: true, value: to(read.value) } : read;
}

async function readWith<T>(run: () => Promise<T>, explain: DoctorInput["explain"]): Promise<Read<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, failure: toFailure(error, explain) };
  }
}

/** A failure as plain data: what kind, the redacted message, and what to do. */
export function toFailure(error: unknown, explain: DoctorInput["explain"]): ReadFailure {
  const explained = explain(error);
  if (error instanceof AccessDeniedError) return { kind: "refused", message: error.message, hint: error.hint, scope: error.scope, status: error.status };
  if (error instanceof AuthenticationError) return { kind: "no-token", message: redact(error.message), hint: explained?.hint ?? "check the pair's auth settings", scope: error.scope };
  if (error instanceof NetworkError) return { kind: "unreachable", message: explained?.message ?? error.message, hint: explained?.hint ?? "check the URL in maps/environments.yaml and the network" };
  if (explained !== undefined) return { kind: "error", message: redact(explained.message), hint: redact(explained.hint) };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: "error", message: redact(message), hint: "this looks like a bug in dwctl, not in your estate: please report it with the command you ran" };
}
