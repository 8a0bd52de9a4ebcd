import { describe, expect, it } from "vitest";
import { checkIdentity } from "../../src/plan/check-identity.js";
import { blockSharedEnvironments } from "../../src/cli/plan-run.js";
import { liveFromDesired, loadDesired, pairDesired, planEstate, planOf } from "./builders.js";

const PROD_ORG = "5a1f0c3e-8d2b-4c7a-9e6f-1b3d5f7a9c0e";
const STAGE_ORG = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

describe("checkIdentity", () => {
  it("blocks a non-protected pair whose Dataverse is a protected pair's organization", () => {
    const { blockers, warnings } = checkIdentity({ pair: "stage", protected: false, organizationId: PROD_ORG }, [{ pair: "prod", organizationId: PROD_ORG }]);
    expect(warnings).toEqual([]);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]?.message).toContain(`stage resolves to the Dataverse organization ${PROD_ORG}`);
    expect(blockers[0]?.message).toContain("protected pair prod");
  });

  it("compares organization ids without case or braces", () => {
    const { blockers } = checkIdentity({ pair: "stage", protected: false, organizationId: `{${PROD_ORG.toUpperCase()}}` }, [{ pair: "prod", organizationId: PROD_ORG }]);
    expect(blockers).toHaveLength(1);
  });

  it("passes a pair with its own organization", () => {
    expect(checkIdentity({ pair: "stage", protected: false, organizationId: STAGE_ORG }, [{ pair: "prod", organizationId: PROD_ORG }])).toEqual({ blockers: [], warnings: [] });
  });

  it("does not check a protected pair against itself or others (it is the one confirmations guard)", () => {
    expect(checkIdentity({ pair: "prod", protected: true, organizationId: PROD_ORG }, [{ pair: "prod", organizationId: PROD_ORG }])).toEqual({ blockers: [], warnings: [] });
  });

  it("warns, naming the pair and the reason, when a protected pair's organization could not be read", () => {
    const { blockers, warnings } = checkIdentity({ pair: "stage", protected: false, organizationId: STAGE_ORG }, [{ pair: "prod", unreadable: "no credentials for prod" }]);
    expect(blockers).toEqual([]);
    expect(warnings).toEqual([
      {
        code: "protected-identity-unknown",
        map: null,
        message: "dwctl could not read the Dataverse organization of protected pair prod (no credentials for prod), so it cannot prove that stage is not prod's environment",
      },
    ]);
  });
});

describe("blockSharedEnvironments (plan-run)", () => {
  const files = planEstate();
  const desired = loadDesired(files);
  const stage = pairDesired(files, "stage");
  const prodPair = desired.pairs.find((p) => p.name === "prod");

  it("blocks STAGE's plan when its WhoAmI returns PROD's organization, reading PROD's organization once", async () => {
    const live = liveFromDesired(stage);
    const asProd = { ...live, identity: { ...live.identity, dataverseOrganizationId: PROD_ORG } };
    const plan = planOf(stage, { live: asProd });
    expect(plan.blockers).toEqual([]);
    const asked: string[] = [];
    const blocked = await blockSharedEnvironments(plan, desired, stage.pair, asProd, async (pair) => {
      asked.push(pair.name);
      return PROD_ORG;
    });
    expect(asked).toEqual(["prod"]);
    expect(blocked.blockers.map((b) => b.message)).toEqual([expect.stringContaining("which is the protected pair prod")]);
    expect(blocked.summary.blocked).toBe(true);
  });

  it("leaves a pair with its own organization alone, and never reads anything for a protected pair", async () => {
    const live = liveFromDesired(stage);
    const plan = planOf(stage, { live });
    await expect(blockSharedEnvironments(plan, desired, stage.pair, live, async () => PROD_ORG)).resolves.toBe(plan);
    expect(prodPair?.protected).toBe(true);
    const prod = pairDesired(files, "prod");
    const prodPlan = planOf(prod);
    const never = async (): Promise<string> => {
      throw new Error("read for a protected pair");
    };
    if (prodPair !== undefined) await expect(blockSharedEnvironments(prodPlan, desired, prodPair, liveFromDesired(prod), never)).resolves.toBe(prodPlan);
  });

  it("turns a protected pair that cannot be read into a warning", async () => {
    const live = liveFromDesired(stage);
    const plan = planOf(stage, { live });
    const warned = await blockSharedEnvironments(plan, desired, stage.pair, live, async () => {
      throw new Error("AADSTS700016: application not found");
    });
    expect(warned.blockers).toEqual([]);
    expect(warned.warnings.at(-1)).toMatchObject({ code: "protected-identity-unknown", message: expect.stringContaining("AADSTS700016") });
  });
});
