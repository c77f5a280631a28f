import { describe, expect, it } from "vitest";
import { dayOf } from "../../../app/agents/forge/catalog/engine-support.js";
import {
  EKS_VERSIONS,
  eksOffered,
  eksSupport,
  newestStandardEks,
} from "../../../app/agents/forge/catalog/eks-versions.js";

/** The run's date: this test is meant to fail on the day the default leaves standard support. */
const today = dayOf(new Date());

describe("the dated EKS version table", () => {
  it(`has a default (the newest in standard support) on the run's date (${today})`, () => {
    const latest = newestStandardEks(today);
    expect(latest, "no EKS version in standard support: add the next one to eks-versions.ts").toBeDefined();
    expect(
      latest!.standardSupportEnds > today,
      `EKS ${latest!.version} left standard support on ${latest!.standardSupportEnds}: update app/agents/forge/catalog/eks-versions.ts`,
    ).toBe(true);
  });

  it("lists versions newest first, each 14 months of standard and 12 of extended support after its release", () => {
    const versions = EKS_VERSIONS.map((v) => Number(v.version.split(".")[1]));
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    for (const v of EKS_VERSIONS) {
      const months = (a: string, b: string) =>
        (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
      expect(months(v.released, v.standardSupportEnds), v.version).toBe(14);
      expect(months(v.standardSupportEnds, v.extendedSupportEnds), v.version).toBe(12);
    }
  });

  it.each<[string, string, string]>([
    ["1.35", "2026-12-05", "standard"],
    ["1.34", "2026-12-01", "standard"],
    ["1.34", "2026-12-02", "extended"],
    ["1.31", "2026-11-25", "extended"],
    ["1.31", "2026-11-26", "none"],
    ["1.35", "2026-01-26", "none"],
    ["1.36", "2026-12-05", "none"],
  ])("Kubernetes %s on %s: %s", (version, day, tier) => {
    expect(eksSupport(version, day).tier).toBe(tier);
  });

  it("offers, on 2026-12-05, 1.35 in standard support and 1.34 to 1.32 in extended", () => {
    expect(eksOffered("2026-12-05")).toEqual([
      "1.35 (standard)",
      "1.34 (extended)",
      "1.33 (extended)",
      "1.32 (extended)",
    ]);
    expect(newestStandardEks("2026-11-27")?.version).toBe("1.35");
  });
});
