import type { UnblockSuggestion } from "../../contracts/generated/design-blocked.js";
import { PATTERNS } from "./catalog/patterns.js";
import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";

/** A goal field the contract takes but the catalog does not design yet, and what it would take. */
interface Pending {
  readonly field: string;
  readonly asked: (ctx: DesignContext) => boolean;
  readonly what: string;
}

/** Data a stream consumer would use: not designed for it yet (its sizing assumes per-request data access). */
const STREAM_DATA = [
  ["data.relational", "a database for a stream consumer"],
  ["data.cache", "a cache for a stream consumer"],
  ["data.objectStorage", "buckets for a stream consumer (data.stream.archive keeps every event in S3)"],
] as const;

function streamData(field: (typeof STREAM_DATA)[number][0], what: string): Pending {
  const key = field.slice("data.".length) as "relational" | "cache" | "objectStorage";
  return {
    field,
    asked: (ctx) => ctx.pattern === "stream-processor" && ctx.goal.data?.[key] !== undefined,
    what,
  };
}

/** Fields of the contract that the catalog does not design yet: a goal that sets one is blocked, never ignored. */
const PENDING: readonly Pending[] = [
  ...STREAM_DATA.map(([field, what]) => streamData(field, what)),
  {
    field: "workload.domain",
    asked: (ctx) => ctx.goal.workload.domain !== undefined && !PATTERNS[ctx.pattern]?.domain,
    what: "a domain name for this workload type",
  },
  {
    field: "data.keyValue",
    asked: (ctx) => ctx.goal.data?.keyValue !== undefined && ctx.pattern !== "serverless-api",
    what: "a DynamoDB table",
  },
];

function designed(): string {
  return Object.keys(PATTERNS).join(", ");
}

/**
 * What the goal asks for that the catalog has no design for: its workload type, or a field the contract takes
 * ahead of the catalog. Each names the field, so the person knows what to change or what to wait for.
 */
export function catalogClashes(ctx: DesignContext): Clash[] {
  if (PATTERNS[ctx.pattern] === undefined) {
    const suggestion: UnblockSuggestion = {
      message: `use a workload type the catalog designs (${designed()}) if one will do`,
      field: "workload.type",
    };
    return [
      {
        reason: {
          code: "not-in-catalog",
          message: `Atlas has no design for a ${ctx.pattern} workload yet (it designs ${designed()})`,
          field: "workload.type",
        },
        suggestions: [suggestion],
      },
    ];
  }
  return PENDING.filter((p) => p.asked(ctx)).map((p) => ({
    reason: {
      code: "not-in-catalog",
      message: `Atlas does not design ${p.what} yet, so it would leave ${p.field} out of the design`,
      field: p.field,
    },
    suggestions: [{ message: `remove ${p.field} if the design will do without it`, field: p.field }],
  }));
}
