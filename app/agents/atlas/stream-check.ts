import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";
import { kafkaPrices, kinesisPrices, streamLoad } from "./stream-plan.js";
import { chooseKinesis, sizeKafka, STREAM } from "./stream-sizing.js";

function clash(field: string, message: string, suggestions: Clash["suggestions"]): Clash {
  return { reason: { code: "pattern-mismatch", message, field }, suggestions };
}

function unpriced(ctx: DesignContext, service: string): Clash {
  return {
    reason: {
      code: "region-not-priced",
      message: `Atlas has no ${service} prices for ${ctx.region}, so it cannot price the stream there`,
      field: "region",
    },
    suggestions: [
      { message: "use us-east-1, eu-west-1 or eu-central-1", field: "region", value: "us-east-1" },
    ],
  };
}

/**
 * What no stream design can carry, before any design: a peak one Kinesis stream cannot take in either mode, or
 * one MSK Serverless cluster cannot (its throughput, its partitions, or what its retention keeps). Each names the
 * field that asks for it.
 */
export function streamClashes(ctx: DesignContext): Clash[] {
  if (ctx.pattern !== "stream-processor" || !ctx.goal.data?.stream) return [];
  const load = streamLoad(ctx);
  if (load.engine === "kinesis") {
    const prices = kinesisPrices(ctx.region);
    if (!prices) return [unpriced(ctx, "Kinesis Data Streams")];
    const k = chooseKinesis(load, prices);
    if (!k.onDemandOver || !k.provisionedOver) return [];
    return [
      clash(
        "traffic.peakRps",
        `one Kinesis stream cannot carry the peak: on demand, ${k.onDemandOver}; provisioned, ${k.provisionedOver}`,
        [
          {
            message: `split the events over several stacks, each under ${STREAM.kinesis.onDemandMaxInMb} MB/s at peak`,
            field: "traffic.peakRps",
          },
        ],
      ),
    ];
  }
  const prices = kafkaPrices(ctx.region);
  if (!prices) return [unpriced(ctx, "MSK Serverless")];
  const over = sizeKafka(load, 0, prices).over;
  if (!over) return [];
  const kinesis = kinesisPrices(ctx.region);
  const k = kinesis && chooseKinesis({ ...load, archive: false }, kinesis);
  const fits = k && !(k.onDemandOver && k.provisionedOver);
  return [
    clash(over.field, `one MSK Serverless cluster cannot hold it: ${over.words}`, [
      over.field === "data.stream.retentionHours"
        ? {
            message: "keep fewer hours in the stream, and archive older events elsewhere",
            field: over.field,
          }
        : {
            message: "split the events over several stacks, each under one cluster's limits",
            field: over.field,
          },
      ...(fits
        ? [
            {
              message: `use a Kinesis stream (${k.mode}), which carries this peak`,
              field: "data.stream.engine",
              value: "kinesis",
            },
          ]
        : []),
    ]),
  ];
}
