/**
 * The asks a goal's summary can make that the catalog's designs would not meet, found by a small vocabulary of
 * words and phrases (not a language model). Pure: it reads text and returns what it found, as written.
 */

export type AskKind =
  | "kubernetes"
  | "gpu"
  | "private-network"
  | "serverless"
  | "schedule"
  | "stream"
  | "multi-region"
  | "domain"
  | "compliance";

export interface SummaryAsk {
  readonly kind: AskKind;
  /** The words as the summary has them. */
  readonly phrase: string;
  /** For a compliance ask: the regime, in lower case without spaces (pci, hipaa, soc2, fedramp…). */
  readonly regime?: string;
}

interface Term {
  readonly kind: AskKind;
  readonly pattern: string;
  readonly regime?: string;
}

const term = (kind: AskKind, pattern: string, regime?: string): Term => ({
  kind,
  pattern,
  ...(regime ? { regime } : {}),
});

/** Hosts that name where code or images come from, not where the service is served. */
const SOURCE_HOSTS =
  /(^|\.)(ghcr\.io|docker\.io|quay\.io|gcr\.io|pkg\.dev|github\.com|gitlab\.com|bitbucket\.org|amazonaws\.com|npmjs\.com|pypi\.org|asp\.net)$/i;

const TLDS =
  "com|net|org|io|dev|app|co|ai|cloud|shop|store|tech|biz|uk|de|fr|eu|nl|se|ch|dk|fi|pl|ie|ca|au|nz|jp|br|xyz|site|online|gov|edu|internal|corp|local|example";

const TERMS: readonly Term[] = [
  term("kubernetes", "kubernetes|k8s|k3s|eks|amazon eks|kubectl|helm charts?|openshift"),
  term(
    "gpu",
    "gpus?|cuda|graphics cards?|(?:a10g?|l4(?![ /-]?(?:l7|load|lb|balanc|proxy))|l40s|t4|a100|h100|h200|v100|k80)s?|inferentia2?|trainium|g4dn|g5|g6e?|p3|p4d|p5|inf[12]|trn1",
  ),
  term(
    "private-network",
    [
      "vpns?",
      "intranet",
      "corporate network",
      "office network",
      "company network",
      "on-prem(?:ises)? network",
      "behind (?:the|our|a) firewall",
      "direct connect",
      "privatelink|private link",
      "internal[- ]only|internal[- ]facing|internally|for internal use|internal use only",
      "internal (?:\\w+ ){0,2}(?:tools?|apis?|service|apps?|application|dashboard|portal|site|website|endpoint|ui|users|staff|employees)",
      "private(?:[- ]only| api| endpoint| network| access| service| tool| app)|privately",
      "not (?:be )?(?:public|publicly|exposed to the internet|internet[- ]facing|reachable from the internet)",
      "no public (?:access|endpoint|ip|ingress|internet access)|non-public",
    ].join("|"),
  ),
  term(
    "serverless",
    "serverless|(?:aws )?lambdas?|lambda functions?|api gateway|step functions|faas|functions?[- ]as[- ]a[- ]service|cloud functions",
  ),
  term(
    "schedule",
    [
      "cron(?:tab)?s?|cron jobs?",
      "nightly|hourly",
      "(?:daily|weekly|monthly) (?:jobs?|runs?|batch(?:es)?|exports?|reports?|imports?|sync)",
      "(?:runs?|once) (?:daily|weekly|monthly|a day|a week|an hour|every (?:day|week|month))",
      "every (?:night|morning|evening|hour|\\d+ (?:minutes?|mins?|hours?|days?))",
      "at midnight|at \\d{1,2}(?::\\d\\d)? ?(?:am|pm)",
      "scheduled (?:jobs?|tasks?|runs?|reports?|exports?|imports?|batch(?:es)?)|on a schedule",
      "batch (?:jobs?|runs?|windows?)|aws batch",
      "eventbridge scheduler",
    ].join("|"),
  ),
  term(
    "stream",
    [
      "kafka|msk|kinesis|firehose|flink",
      "(?:event|data|record) streams?|clickstreams?",
      "stream (?:processing|processor|consumers?|of events|ingestion)",
      "streaming (?:pipeline|data|events|ingestion|platform|analytics)|event streaming",
    ].join("|"),
  ),
  term(
    "multi-region",
    [
      "multi[- ]?region(?:al)?",
      "(?:two|2|three|3|several|multiple|many|both|all) (?:aws )?regions",
      "cross[- ]region|across regions",
      "active[- /](?:active|passive)",
      "(?:second|another|backup|standby|dr|failover) region|region(?:al)? failover",
      "geo[- ]redundan(?:t|cy)|globally distributed",
    ].join("|"),
  ),
  term(
    "domain",
    [
      `(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})`,
      "(?:custom|own|vanity|apex|our|its) domain(?: name)?|domain names?",
      "route ?53|dns (?:name|record)s?|cname",
    ].join("|"),
  ),
  term("compliance", "pci(?:[- ]dss)?", "pci"),
  term("compliance", "hipaa", "hipaa"),
  term("compliance", "gdpr", "gdpr"),
  term("compliance", "soc ?2|soc[- ](?:2|ii)", "soc2"),
  term("compliance", "iso(?:/iec)? ?27001", "iso27001"),
  term("compliance", "fedramp", "fedramp"),
  term("compliance", "sox|sarbanes[- ]oxley", "sox"),
  term("compliance", "hitrust", "hitrust"),
  term("compliance", "fisma", "fisma"),
  term("compliance", "cjis", "cjis"),
  term("compliance", "itar", "itar"),
];

/** Word boundaries that treat letters and digits as word characters, so "eks" is not found in "weeks". */
const COMPILED = TERMS.map((t) => ({
  ...t,
  regex: new RegExp(`(?<![a-z0-9])(?:${t.pattern})(?![a-z0-9])`, "gi"),
}));

const NEGATORS = new Set([
  "not",
  "no",
  "non",
  "without",
  "never",
  "nor",
  "neither",
  "none",
  "avoid",
  "avoiding",
  "instead",
  "rather",
  "unlike",
]);

/** Words that may stand between a negation and the ask it denies: "does not need a GPU", "instead of Lambda". */
const FILLERS = new Set([
  "a",
  "an",
  "the",
  "any",
  "our",
  "its",
  "need",
  "needs",
  "needed",
  "require",
  "requires",
  "required",
  "use",
  "using",
  "run",
  "runs",
  "running",
  "be",
  "is",
  "are",
  "for",
  "to",
  "of",
  "than",
  "on",
  "in",
  "over",
  "via",
  "through",
  "behind",
  "from",
  "with",
]);

/** "GPU not needed", "Kubernetes is not required", "k8s-free". */
const NEGATED_AFTER =
  /^[- ]*(?:(?:is|are) )?(?:not (?:needed|required|necessary|wanted|used)|unnecessary|optional|free\b)/i;

/**
 * True when a negation denies the ask: in the same clause, before it with only fillers between ("no downtime for
 * the GPU service" still asks for a GPU), or just after it ("GPU not needed").
 */
function negated(text: string, start: number, end: number): boolean {
  const clause =
    text
      .slice(0, start)
      .split(/[.,;:!?()\n]|\bbut\b/i)
      .pop() ?? "";
  const words = clause
    .toLowerCase()
    .split(/[\s/-]+/)
    .filter((w) => w !== "");
  for (const word of words.reverse()) {
    if (NEGATORS.has(word) || word.endsWith("n't") || word.endsWith("n’t")) return true;
    if (!FILLERS.has(word)) break;
  }
  return NEGATED_AFTER.test(text.slice(end));
}

/** A host named as the source of code or images (ghcr.io/acme/app), or a tech name like ASP.NET. */
function sourceHost(phrase: string): boolean {
  return SOURCE_HOSTS.test(phrase.replace(/^https?:\/\//i, ""));
}

/** Every ask the text makes, in the order they appear; negated mentions are left out. */
export function summaryAsks(text: string): SummaryAsk[] {
  const found: { at: number; ask: SummaryAsk }[] = [];
  for (const t of COMPILED) {
    for (const m of text.matchAll(t.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (negated(text, start, end)) continue;
      if (t.kind === "domain" && (sourceHost(m[0]) || text[start - 1] === "@")) continue;
      found.push({
        at: start,
        ask: { kind: t.kind, phrase: m[0], ...(t.regime ? { regime: t.regime } : {}) },
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.ask);
}
