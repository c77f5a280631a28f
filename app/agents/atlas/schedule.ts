/**
 * EventBridge Scheduler expressions, read for how often they fire: `rate(15 minutes)` and
 * `cron(minutes hours day-of-month month day-of-week year)`. Pure; it never throws. A month is 730 hours
 * (365 days ÷ 12), the month every price in Atlas uses, so `cron(0 2 * * ? *)` fires 30.42 times a month and
 * `rate(15 minutes)` 2,920.
 */
import { num } from "./format.js";

export interface Schedule {
  readonly expression: string;
  readonly runsPerMonth: number;
  /** The shortest gap between two runs, in minutes (a rate's interval; a cron's tightest spacing in a day). */
  readonly minGapMinutes: number;
  readonly words: string;
}

export type ScheduleResult =
  { readonly ok: true; readonly schedule: Schedule } | { readonly ok: false; readonly problem: string };

const MINUTES_PER_MONTH = 730 * 60;
const DAYS_PER_YEAR = 365;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const UNIT_MINUTES: Readonly<Record<string, number>> = {
  minute: 1,
  minutes: 1,
  hour: 60,
  hours: 60,
  day: 1440,
  days: 1440,
};

type Values = { readonly ok: true; readonly values: ReadonlySet<number> } | { readonly ok: false };

/** A numeric field (`*`, `5`, `1-5`, `10/5`, `MON-FRI`, lists of them) as the set of values it takes. */
function fieldValues(text: string, min: number, max: number, names: readonly string[] = []): Values {
  const values = new Set<number>();
  const parse = (token: string): number | undefined => {
    const named = names.indexOf(token.toUpperCase());
    if (named >= 0) return named + min;
    if (!/^\d+$/.test(token)) return undefined;
    const n = Number(token);
    return n >= min && n <= max ? n : undefined;
  };
  for (const item of text.split(",")) {
    const [range, stepText, ...extra] = item.split("/");
    if (extra.length > 0 || range === undefined) return { ok: false };
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText)))
      return { ok: false };
    let from: number | undefined;
    let to: number | undefined;
    if (range === "*") [from, to] = [min, max];
    else if (range.includes("-")) {
      const [a, b, ...rest] = range.split("-");
      if (rest.length > 0) return { ok: false };
      [from, to] = [parse(a!), parse(b!)];
    } else {
      from = parse(range);
      to = stepText === undefined ? from : max;
    }
    if (from === undefined || to === undefined || from > to) return { ok: false };
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { ok: true, values };
}

/** Days a year the day-of-month field fires on, over the months it runs in (a 365-day year). */
function daysOfMonth(text: string, months: ReadonlySet<number>): number | undefined {
  let days = 0;
  for (const item of text.split(",")) {
    if (item === "L" || item === "LW" || /^([1-9]|[12]\d|3[01])W$/.test(item)) {
      days += months.size;
      continue;
    }
    const v = fieldValues(item, 1, 31);
    if (!v.ok) return undefined;
    for (const m of months) days += [...v.values].filter((d) => d <= MONTH_DAYS[m - 1]!).length;
  }
  return days;
}

/** Days a year the day-of-week field fires on, over the months it runs in (each weekday is 1/7 of the days). */
function daysOfWeek(text: string, months: ReadonlySet<number>): number | undefined {
  const monthDays = [...months].reduce((sum, m) => sum + MONTH_DAYS[m - 1]!, 0);
  let days = 0;
  const weekdays = new Set<number>();
  for (const item of text.split(",")) {
    const nth = /^([1-7]|[A-Za-z]{3})(#[1-5]|L)$/.exec(item);
    if (nth) {
      if (!fieldValues(nth[1]!, 1, 7, WEEKDAYS).ok) return undefined;
      days += months.size;
      continue;
    }
    const v = fieldValues(item, 1, 7, WEEKDAYS);
    if (!v.ok) return undefined;
    for (const d of v.values) weekdays.add(d);
  }
  return days + (monthDays * weekdays.size) / 7;
}

/** The tightest gap between two runs within a day, in minutes, from the hours and minutes they fire at. */
function minGap(minutes: ReadonlySet<number>, hours: ReadonlySet<number>): number {
  const times = [...hours].flatMap((h) => [...minutes].map((m) => h * 60 + m)).sort((a, b) => a - b);
  if (times.length === 1) return 1440;
  let gap = 1440 - times[times.length - 1]! + times[0]!;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, times[i]! - times[i - 1]!);
  return gap;
}

function cron(expression: string, body: string): ScheduleResult {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6)
    return { ok: false, problem: `a cron expression has 6 fields, this has ${fields.length}` };
  const [min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  const minutes = fieldValues(min, 0, 59);
  if (!minutes.ok) return { ok: false, problem: `the minutes field "${min}" is not valid` };
  const hours = fieldValues(hour, 0, 23);
  if (!hours.ok) return { ok: false, problem: `the hours field "${hour}" is not valid` };
  const months = fieldValues(month, 1, 12, MONTHS);
  if (!months.ok) return { ok: false, problem: `the month field "${month}" is not valid` };
  if (year !== "*" && !fieldValues(year, 1970, 2199).ok)
    return { ok: false, problem: `the year field "${year}" is not valid` };
  if ((dom === "?") === (dow === "?"))
    return { ok: false, problem: "exactly one of day-of-month and day-of-week must be ?" };
  const days = dom === "?" ? daysOfWeek(dow, months.values) : daysOfMonth(dom, months.values);
  if (days === undefined) {
    const [name, text] = dom === "?" ? ["day-of-week", dow] : ["day-of-month", dom];
    return { ok: false, problem: `the ${name} field "${text}" is not valid` };
  }
  const perDay = minutes.values.size * hours.values.size;
  const runsPerMonth = (perDay * days) / 12;
  const daily = days === DAYS_PER_YEAR;
  return {
    ok: true,
    schedule: {
      expression,
      runsPerMonth,
      minGapMinutes: minGap(minutes.values, hours.values),
      words: `${perDay} run${perDay === 1 ? "" : "s"} a day on ${daily ? "every day" : `${num(days)} days a year`}: ${perDay} × ${num(days)} days ÷ 12 months = ${runs(runsPerMonth)}`,
    },
  };
}

function runs(perMonth: number): string {
  return `${num(perMonth)} run${perMonth === 1 ? "" : "s"} a month`;
}

/** How often an EventBridge Scheduler expression fires, or why it is not one. */
export function parseSchedule(expression: string): ScheduleResult {
  const rate = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2]!;
    if (value < 1) return { ok: false, problem: "a rate must be at least 1" };
    const singular = unit.replace(/s$/, "");
    if ((value === 1) !== (unit === singular))
      return { ok: false, problem: `say rate(${value} ${value === 1 ? singular : `${singular}s`})` };
    const gap = value * UNIT_MINUTES[unit]!;
    const runsPerMonth = MINUTES_PER_MONTH / gap;
    return {
      ok: true,
      schedule: {
        expression,
        runsPerMonth,
        minGapMinutes: gap,
        words: `every ${value} ${unit}: ${num(MINUTES_PER_MONTH)} minutes a month ÷ ${num(gap)} = ${runs(runsPerMonth)}`,
      },
    };
  }
  const c = /^cron\(([^()]+)\)$/.exec(expression);
  if (c) return cron(expression, c[1]!);
  return { ok: false, problem: "not an EventBridge Scheduler expression: cron(…) or rate(…)" };
}
