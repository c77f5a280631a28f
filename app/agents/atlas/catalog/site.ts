import { OBJECT_STORAGE, TRAFFIC } from "../assumptions.js";
import { monthlyRequests } from "../context.js";
import { bucketCost } from "./buckets.js";
import type { CatalogEntry } from "./entry.js";

/** The static site's private origin bucket, read only by CloudFront. */
export const site: CatalogEntry = {
  ids: () => ["site"],
  component(d) {
    return {
      id: "site",
      kind: "object-storage",
      params: {
        bucket: d.buckets.includes("site") ? "site-files" : "site",
        purpose: "site",
        versioning: true,
        storageGb: OBJECT_STORAGE.siteGb,
      },
      dependsOn: [],
      rationale:
        "A private S3 bucket holds the site's files; only CloudFront reads it, through origin access control (OAC), so the bucket is never public. Versioning lets a bad publish be rolled back.",
    };
  },
  cost: (d) => [
    bucketCost(d.ctx, "site", OBJECT_STORAGE.siteGb, 0, monthlyRequests(d.ctx) * TRAFFIC.cdnMissRatio),
  ],
  risks: () => [
    {
      component: "site",
      failure: "A broken publish or a deleted file",
      impact: "Visitors see broken pages once caches expire",
      mitigation: "Versioning restores earlier files; the bucket is readable only by CloudFront",
      residual: "Cached broken pages until invalidated",
      severity: "low",
    },
  ],
};
