/**
 * The Kubernetes versions Amazon EKS offers, with the day each leaves standard support (14 months after release:
 * $0.10 per cluster-hour) and the day its extended support ends (12 months more: $0.60 per cluster-hour). After
 * that EKS upgrades the cluster itself, so Infracrew creates no such version.
 *
 * Read 2026-12-05 from AWS's release calendar (`EKS_CALENDAR`); cross-checked against endoflife.date/amazon-eks
 * (read 2026-12-05). 1.36 is not listed: no EKS release date was found in the sources read. The dates below are
 * the first day past each period. `test/unit/forge/eks-versions.test.ts` fails on the day the newest version
 * leaves standard support: add the next one then.
 */
export const EKS_CALENDAR =
  "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar";

export interface EksVersion {
  readonly version: string;
  readonly released: string;
  /** The first day (YYYY-MM-DD) the version is out of standard support. */
  readonly standardSupportEnds: string;
  /** The first day it is out of extended support too. */
  readonly extendedSupportEnds: string;
}

/** Newest first. */
export const EKS_VERSIONS: readonly EksVersion[] = [
  {
    version: "1.35",
    released: "2026-01-27",
    standardSupportEnds: "2027-03-27",
    extendedSupportEnds: "2028-03-27",
  },
  {
    version: "1.34",
    released: "2025-10-02",
    standardSupportEnds: "2026-12-02",
    extendedSupportEnds: "2027-12-02",
  },
  {
    version: "1.33",
    released: "2025-05-29",
    standardSupportEnds: "2026-07-29",
    extendedSupportEnds: "2027-07-29",
  },
  {
    version: "1.32",
    released: "2025-01-23",
    standardSupportEnds: "2026-03-23",
    extendedSupportEnds: "2027-03-23",
  },
  {
    version: "1.31",
    released: "2024-09-26",
    standardSupportEnds: "2025-11-26",
    extendedSupportEnds: "2026-11-26",
  },
  {
    version: "1.30",
    released: "2024-05-23",
    standardSupportEnds: "2025-07-23",
    extendedSupportEnds: "2026-07-23",
  },
];

export type EksSupport =
  | { readonly tier: "standard" | "extended"; readonly release: EksVersion }
  | { readonly tier: "none"; readonly release?: EksVersion };

/** How EKS supports a version on a day (YYYY-MM-DD): standard, extended (paid), or not at all. */
export function eksSupport(version: string, day: string): EksSupport {
  const release = EKS_VERSIONS.find((v) => v.version === version);
  if (!release || day < release.released) return { tier: "none", ...(release ? { release } : {}) };
  if (day < release.standardSupportEnds) return { tier: "standard", release };
  if (day < release.extendedSupportEnds) return { tier: "extended", release };
  return { tier: "none", release };
}

/** The newest version in standard support on a day, if any. */
export function newestStandardEks(day: string): EksVersion | undefined {
  return EKS_VERSIONS.find((v) => eksSupport(v.version, day).tier === "standard");
}

/** The versions EKS creates on a day, newest first, in words ("1.35 (standard)"). */
export function eksOffered(day: string): string[] {
  return EKS_VERSIONS.flatMap((v) => {
    const s = eksSupport(v.version, day);
    return s.tier === "none" ? [] : [`${v.version} (${s.tier})`];
  });
}
