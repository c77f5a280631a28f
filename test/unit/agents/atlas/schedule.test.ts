import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../../../app/agents/atlas/schedule.js";

function runs(expression: string): number | string {
  const parsed = parseSchedule(expression);
  return parsed.ok ? Number(parsed.schedule.runsPerMonth.toFixed(2)) : parsed.problem;
}

function gap(expression: string): number | undefined {
  const parsed = parseSchedule(expression);
  return parsed.ok ? parsed.schedule.minGapMinutes : undefined;
}

describe("runs a month of an EventBridge Scheduler expression (a 730-hour month)", () => {
  it.each<[string, number, number]>([
    ["cron(0 2 * * ? *)", 30.42, 1440],
    ["rate(15 minutes)", 2920, 15],
    ["rate(1 minute)", 43_800, 1],
    ["rate(6 hours)", 121.67, 360],
    ["rate(1 day)", 30.42, 1440],
    ["rate(7 days)", 4.35, 10_080],
    ["cron(0/15 * * * ? *)", 2920, 15],
    ["cron(*/5 9-17 * * ? *)", 3285, 5],
    ["cron(0 9 ? * MON-FRI *)", 21.73, 1440],
    ["cron(0 9 ? * 2-6 *)", 21.73, 1440],
    ["cron(30 6 ? * SUN *)", 4.35, 1440],
    ["cron(0 0 1 * ? *)", 1, 1440],
    ["cron(0 0 L * ? *)", 1, 1440],
    ["cron(0 0 15W * ? *)", 1, 1440],
    ["cron(0 0 31 * ? *)", 0.58, 1440],
    ["cron(0 0 29 FEB ? *)", 0, 1440],
    ["cron(0 12 ? * 6#3 *)", 1, 1440],
    ["cron(0 12 ? * 6L *)", 1, 1440],
    ["cron(0 8,20 * JAN-MAR ? *)", 15, 720],
    ["cron(0 23,1 * * ? *)", 60.83, 120],
    ["cron(0 2 1,15 * ? 2027)", 2, 1440],
  ])("%s: %d runs a month, at least %d min apart", (expression, perMonth, minutes) => {
    expect(runs(expression)).toBe(perMonth);
    expect(gap(expression)).toBe(minutes);
  });

  it("says the arithmetic in words", () => {
    const nightly = parseSchedule("cron(0 2 * * ? *)");
    expect(nightly.ok && nightly.schedule.words).toBe(
      "1 run a day on every day: 1 × 365 days ÷ 12 months = 30.42 runs a month",
    );
    const rate = parseSchedule("rate(15 minutes)");
    expect(rate.ok && rate.schedule.words).toBe(
      "every 15 minutes: 43,800 minutes a month ÷ 15 = 2,920 runs a month",
    );
  });
});

describe("expressions EventBridge Scheduler would refuse are refused, with the reason", () => {
  it.each<[string, string]>([
    ["cron(0 2 * * * *)", "exactly one of day-of-month and day-of-week must be ?"],
    ["cron(0 2 ? * ? *)", "exactly one of day-of-month and day-of-week must be ?"],
    ["cron(0 2 * *)", "a cron expression has 6 fields, this has 4"],
    ["cron(60 2 * * ? *)", 'the minutes field "60" is not valid'],
    ["cron(0 24 * * ? *)", 'the hours field "24" is not valid'],
    ["cron(0 2 32 * ? *)", 'the day-of-month field "32" is not valid'],
    ["cron(0 2 ? * 8 *)", 'the day-of-week field "8" is not valid'],
    ["cron(0 2 * 13 ? *)", 'the month field "13" is not valid'],
    ["cron(0 2 * * ? 1900)", 'the year field "1900" is not valid'],
    ["cron(0 5-2 * * ? *)", 'the hours field "5-2" is not valid'],
    ["cron(0/0 2 * * ? *)", 'the minutes field "0/0" is not valid'],
    ["rate(1 minutes)", "say rate(1 minute)"],
    ["rate(5 hour)", "say rate(5 hours)"],
    ["rate(0 minutes)", "a rate must be at least 1"],
    ["every night", "not an EventBridge Scheduler expression: cron(…) or rate(…)"],
  ])("%s", (expression, problem) => {
    expect(runs(expression)).toBe(problem);
  });
});

const minuteField = fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 12 });
const hourField = fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 6 });

describe("the parser's properties", () => {
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseSchedule(`cron(${text})`);
        expect(typeof parsed.ok).toBe("boolean");
        expect(typeof parseSchedule(text).ok).toBe("boolean");
      }),
    );
  });

  it("rate(n unit) fires 43,800 minutes ÷ its interval a month", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10_000 }),
        fc.constantFrom(["minutes", 1], ["hours", 60], ["days", 1440]),
        (n, [unit, minutes]) => {
          const parsed = parseSchedule(`rate(${n} ${unit as string})`);
          expect(parsed.ok && parsed.schedule.runsPerMonth).toBeCloseTo(
            43_800 / (n * (minutes as number)),
            9,
          );
        },
      ),
    );
  });

  it("a daily cron fires minutes × hours × 365 ÷ 12 times a month, day-of-month * and day-of-week * alike", () => {
    fc.assert(
      fc.property(minuteField, hourField, (minutes, hours) => {
        const body = `${minutes.join(",")} ${hours.join(",")}`;
        const expected = (minutes.length * hours.length * 365) / 12;
        const byMonth = parseSchedule(`cron(${body} * * ? *)`);
        const byWeek = parseSchedule(`cron(${body} ? * * *)`);
        expect(byMonth.ok && byMonth.schedule.runsPerMonth).toBeCloseTo(expected, 9);
        expect(byWeek.ok && byWeek.schedule.runsPerMonth).toBeCloseTo(expected, 9);
      }),
    );
  });

  it("restricting the days or months never adds runs, and a run a day is at least its minutes apart", () => {
    fc.assert(
      fc.property(
        minuteField,
        hourField,
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        (minutes, hours, weekdays, months) => {
          const body = `${minutes.join(",")} ${hours.join(",")}`;
          const all = parseSchedule(`cron(${body} * * ? *)`);
          const some = parseSchedule(`cron(${body} ? ${months.join(",")} ${weekdays.join(",")} *)`);
          if (!all.ok || !some.ok) throw new Error("a valid expression was refused");
          expect(some.schedule.runsPerMonth).toBeLessThanOrEqual(all.schedule.runsPerMonth + 1e-9);
          expect(some.schedule.runsPerMonth).toBeCloseTo(
            (all.schedule.runsPerMonth *
              (weekdays.length / 7) *
              months.reduce((s, m) => s + [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!, 0)) /
              365,
            9,
          );
          expect(all.schedule.minGapMinutes).toBeGreaterThanOrEqual(1);
          expect(all.schedule.minGapMinutes * minutes.length * hours.length).toBeLessThanOrEqual(1440);
        },
      ),
    );
  });
});
