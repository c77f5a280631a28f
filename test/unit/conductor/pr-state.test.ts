import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeState, encodeState, rememberHandled } from "../../../app/conductor/pr-state.js";
import { STATES } from "../../../app/conductor/states.js";
import { prState } from "../../support/pr-states.js";

describe("the state marker", () => {
  it.each(STATES.map((s) => [s]))("round-trips a %s state", (s) => {
    const state = prState(s);
    expect(decodeState(`text\n${encodeState(state)}\nmore`)).toEqual(state);
  });

  it("cannot be closed early by hostile text in the state", () => {
    const state = {
      ...prState("VALIDATING"),
      stack: "x",
      goal: { hash: "h", issue: 1, author: "a --> <!-- b" },
    };
    const marker = encodeState(state);
    expect(marker.indexOf("-->")).toBe(marker.length - 3);
    expect(decodeState(marker)).toEqual(state);
  });

  it.each([
    ["no marker", "hello"],
    ["broken JSON", "<!-- infracrew:state {nope} -->"],
    ["a foreign shape", '<!-- infracrew:state {"v":2} -->'],
    ["an unknown state", encodeState({ ...prState("DONE"), state: "EXPLODED" as never })],
  ])("reads %s as no state", (_name, body) => {
    expect(decodeState(body)).toBeUndefined();
  });

  it("never throws on any comment body", () => {
    fc.assert(fc.property(fc.string(), (body) => void decodeState(`<!-- infracrew:state ${body} -->`)));
  });

  it("keeps the last 100 handled ids", () => {
    let state = prState("VALIDATING");
    for (let i = 0; i < 150; i++) state = rememberHandled(state, `comment:${i}`);
    expect(state.handled).toHaveLength(100);
    expect(state.handled[0]).toBe("comment:50");
  });
});

describe("the Slack message reference in the state", () => {
  const slack = { channel: "C024BE91L", ts: "1700000000.000100" };

  it("round-trips", () => {
    const state = { ...prState("WAIT_FOR_APPROVE"), slack };
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it.each([
    ["a channel that is not an id", { channel: "#general", ts: slack.ts }],
    ["a ts that is not Slack's", { channel: slack.channel, ts: "now" }],
    ["not an object", "C024BE91L/1700000000.000100"],
  ])("is dropped, the rest kept, when it is %s", (_name, bad) => {
    const state = prState("WAIT_FOR_APPROVE");
    expect(decodeState(encodeState({ ...state, slack: bad as never }))).toEqual(state);
  });
});

describe("the Conductor check's id in the state marker", () => {
  const conductorCheck = { sha: "d".repeat(40), id: 502 };

  it("round-trips, and a state written before it reads without it", () => {
    const state = { ...prState("WAIT_FOR_APPROVE"), conductorCheck };
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState(encodeState(prState("WAIT_FOR_APPROVE")))).toEqual(prState("WAIT_FOR_APPROVE"));
  });

  it.each([
    ["no SHA", { id: 502 }],
    ["an empty SHA", { sha: "", id: 502 }],
    ["an id that is not a number", { sha: conductorCheck.sha, id: "502" }],
    ["an id that is not a positive integer", { sha: conductorCheck.sha, id: 1.5 }],
    ["not an object", "502"],
  ])("drops a reference with %s (the check is looked up again)", (_name, bad) => {
    const state = prState("WAIT_FOR_APPROVE");
    expect(decodeState(encodeState({ ...state, conductorCheck: bad as never }))).toEqual(state);
  });
});
