import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summaryAsks, type AskKind } from "../../../../app/agents/atlas/summary-asks.js";

function kinds(text: string): string[] {
  return summaryAsks(text).map((a) => (a.regime ? `${a.kind}:${a.regime}` : a.kind));
}

describe("summaryAsks: the asks a summary makes", () => {
  it.each([
    ["A shared EKS cluster for the platform team's services", ["kubernetes"]],
    ["Runs on Kubernetes (k8s) with our Helm charts", ["kubernetes", "kubernetes", "kubernetes"]],
    ["GPU inference service for the recommendation model", ["gpu"]],
    ["Image embeddings on NVIDIA A10G, L4 or T4 cards", ["gpu", "gpu", "gpu"]],
    ["Fine-tuning on H100s", ["gpu"]],
    ["Internal admin tool, reachable only over the corporate VPN", ["private-network", "private-network"]],
    ["Intranet wiki for staff", ["private-network"]],
    ["Reporting API, internal-only", ["private-network"]],
    ["Billing API that must not be exposed to the internet", ["private-network"]],
    ["Serverless thumbnails on AWS Lambda", ["serverless", "serverless"]],
    ["Nightly job that exports the orders to S3", ["schedule"]],
    ["Cron job pruning sessions every 15 minutes", ["schedule", "schedule"]],
    ["Batch job for the ledger, runs daily", ["schedule", "schedule"]],
    ["Kafka pipeline that enriches click events", ["stream"]],
    ["Consumes a Kinesis data stream of orders", ["stream", "stream"]],
    ["Multi-region API, active-active in two regions", ["multi-region", "multi-region", "multi-region"]],
    ["Storefront served at shop.example.com", ["domain"]],
    ["Docs at https://docs.acme.io with a custom domain", ["domain", "domain"]],
    ["Card payments API under PCI DSS", ["compliance:pci"]],
    [
      "Patient records API (HIPAA, SOC 2, ISO 27001)",
      ["compliance:hipaa", "compliance:soc2", "compliance:iso27001"],
    ],
    ["GDPR data residency in the EU; FedRAMP moderate", ["compliance:gdpr", "compliance:fedramp"]],
  ])("%s → %j", (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it("returns the phrase as the summary writes it, in the order it appears", () => {
    expect(summaryAsks("Nightly EKS batch job on a GPU")).toEqual([
      { kind: "schedule", phrase: "Nightly" },
      { kind: "kubernetes", phrase: "EKS" },
      { kind: "schedule", phrase: "batch job" },
      { kind: "gpu", phrase: "GPU" },
    ]);
  });
});

describe("summaryAsks: negations and look-alikes ask for nothing", () => {
  it.each([
    "Public API, not internal-facing",
    "No GPU needed: a CPU model",
    "Orders API without Kubernetes",
    "Does not need a GPU",
    "Plain containers instead of Lambda",
    "Rather than Kafka, a plain SQS queue",
    "Never behind a VPN",
    "A non-GPU inference service",
    "GPU not needed, k8s-free",
    "Kubernetes is not required",
    "International payments API",
    "Calls upstream services and streams nothing",
    "Writes are batched, in batches of 100",
    "Reports due in six weeks; seeks nothing",
    "A clean domain model for orders",
    "Pulled from a private ghcr.io package, source on github.com",
    "Built with ASP.NET and Node.js",
    "TCP service behind L4 load balancing, L4/L7 proxies",
    "Emails ops@acme.com when a job fails",
    "Train schedule API for commuters",
    "Public checkout REST API backed by Postgres, with a Redis cache for sessions",
    "Background worker that renders invoices from a queue and stores PDFs",
    "Public documentation site served from a CDN",
    "Pricing REST API for the storefront, built for Graviton, pulled from a private ghcr.io package",
  ])("%s", (text) => {
    expect(summaryAsks(text)).toEqual([]);
  });

  it("a negation denies only the ask it stands next to", () => {
    expect(kinds("No downtime allowed for the GPU service")).toEqual(["gpu"]);
    expect(kinds("Never drops a message from the Kafka topic")).toEqual(["stream"]);
    expect(kinds("Doesn't run on Kubernetes")).toEqual([]);
  });

  it("a negation governs its own clause only", () => {
    expect(kinds("No Kubernetes, but a GPU")).toEqual(["gpu"]);
    expect(kinds("Not public; runs nightly")).toEqual(["private-network", "schedule"]);
  });
});

describe("summaryAsks: properties", () => {
  const ASKED: readonly [string, AskKind][] = [
    ["EKS", "kubernetes"],
    ["GPU", "gpu"],
    ["VPN", "private-network"],
    ["Lambda", "serverless"],
    ["nightly", "schedule"],
    ["Kafka", "stream"],
    ["multi-region", "multi-region"],
    ["shop.example.com", "domain"],
  ];
  const word = fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
    minLength: 1,
    maxLength: 8,
  });

  it("never throws, and every phrase it returns is in the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const ask of summaryAsks(text)) expect(text).toContain(ask.phrase);
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });

  it("is case-insensitive", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.constantFrom(...ASKED), (text, [phrase]) => {
        const mixed = `${text} ${phrase} ${text}`;
        const kindsOf = (t: string) => summaryAsks(t).map((a) => a.kind);
        expect(kindsOf(mixed.toUpperCase())).toEqual(kindsOf(mixed.toLowerCase()));
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it("finds an ask between any plain words, and a negation just before it removes it", () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(...ASKED), (before, after, [phrase, kind]) => {
        fc.pre(summaryAsks(`${before} ${after}`).length === 0);
        expect(summaryAsks(`${before} ${phrase} ${after}`).map((a) => a.kind)).toEqual([kind]);
        expect(summaryAsks(`${before}, without ${phrase} ${after}`)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it("never finds an ask glued inside a longer word", () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(...ASKED), (before, after, [phrase]) => {
        fc.pre(!phrase.includes("."));
        fc.pre(summaryAsks(`${before}${after}`).length === 0);
        const glued = `${before}${phrase.replace(/-/g, "")}${after}`;
        expect(summaryAsks(glued)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
