import type { Design } from "../design.js";
import { num } from "../format.js";
import { SLAS } from "../sla.js";
import { STREAM } from "../stream-sizing.js";
import { bucketCost } from "./buckets.js";
import type { CatalogEntry } from "./entry.js";
import { ARCHIVE_ID, streamOf } from "./stream.js";

const SECONDS_PER_MONTH = 730 * 3600;

/** GB the archive holds after the months it is priced at: what Firehose writes, compressed. */
export function archiveGb(d: Design): number {
  const s = streamOf(d);
  const a = STREAM.archive;
  return Number((s.volumes.gbIn * a.compressedShare * a.monthsKept).toFixed(1));
}

/** Objects Firehose writes a month: one per buffer interval, or per 64 MB when the buffer fills first. */
export function archiveObjects(d: Design): number {
  const s = streamOf(d);
  const byTime = SECONDS_PER_MONTH / STREAM.firehose.bufferSeconds;
  const bySize = (s.volumes.gbIn * 1024) / STREAM.firehose.bufferMb;
  return Math.ceil(Math.max(byTime, bySize));
}

/** The S3 bucket Firehose archives a Kinesis stream's events to (data.stream.archive). */
export const streamArchive: CatalogEntry = {
  ids: (d) => (d.stream?.load.archive ? [ARCHIVE_ID] : []),
  component(d) {
    const gb = archiveGb(d);
    return {
      id: ARCHIVE_ID,
      kind: "object-storage",
      params: { bucket: ARCHIVE_ID, purpose: "data", versioning: false, storageGb: gb },
      dependsOn: [],
      rationale: `Every event as Firehose delivers it, GZIP-compressed, in a private encrypted S3 bucket (${SLAS.s3Standard.percent} % SLA) for replay and analytics; no versioning (objects are written once). Priced at ${num(gb, 1)} GB: ${STREAM.archive.reasoning}`,
    };
  },
  cost(d) {
    return [bucketCost(d.ctx, ARCHIVE_ID, archiveGb(d), archiveObjects(d), 0)];
  },
  risks: () => [
    {
      component: ARCHIVE_ID,
      failure: "Firehose cannot deliver (the bucket or key policy changed)",
      impact: "Events stop reaching the archive; the stream still has them for its retention",
      mitigation:
        "Firehose retries for 24 hours and logs delivery errors to CloudWatch Logs; failed batches land under errors/",
      residual: "Events older than the stream's retention that never reached S3 are lost to the archive",
      severity: "low",
    },
  ],
};
