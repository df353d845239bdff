/**
 * Helpers shared by the play end-to-end tests: a clock the test sets, reading
 * what the fake Slack received as messages, and telling a challenge button's
 * letter and rightness from its id (the id names the challenge and position,
 * and the display order is derived from them).
 */
import { expect } from 'vitest';
import type { SlackMessage } from '../../adapters/slack/render.js';
import type { Assistant } from '../../src/assistant.js';
import { correctPosition } from '../../src/challenge/scoring.js';
import type { Outbox } from '../../src/outbox.js';
import type { ApiCall, FakeSlackApi, Posted } from '../slack/fakes.js';
import { checkMessage } from '../slack/limits.js';

/** A clock the test sets or moves (AssistantDeps.clock). */
export interface PlayClock {
  now(): number;
  set(t: number): void;
  advance(ms: number): void;
}

export function playClock(start: number): PlayClock {
  let t = start;
  return { now: () => t, set: (v) => void (t = v), advance: (ms) => void (t += ms) };
}

/** A challenge answer button as the core encodes it: `<prefix>|g|a|<challenge>|<index>|<choice>|<question>`. */
export interface AnswerButton {
  action_id: string;
  value?: string;
  letter: string;
  challengeId: string;
  index: number;
  choice: number;
  questionId: string;
  correct: boolean;
}

/** Decodes a challenge answer button's id (Slack: `value`, or the action id; Discord: the custom id). */
export function answerOf(id: string, letter: string, button: { action_id: string; value?: string }): AnswerButton {
  const parts = id.split('|');
  if (parts[1] !== 'g' || parts[2] !== 'a') throw new Error(`not an answer button: ${id}`);
  const challengeId = parts[3] ?? '';
  const index = Number(parts[4]);
  const choice = Number(parts[5]);
  return { ...button, letter, challengeId, index, choice, questionId: parts[6] ?? '', correct: correctPosition(challengeId, index) === choice };
}

/** The A–D buttons of a Slack challenge message. */
export function slackAnswers(message: Posted): AnswerButton[] {
  const buttons = (message.blocks ?? []).flatMap((b) =>
    b.type === 'actions' ? (b.elements as { action_id: string; value?: string; text: { text: string } }[]) : [],
  );
  return buttons.filter((b) => /^[A-D]$/.test(b.text.text)).map((b) => answerOf(b.value ?? b.action_id, b.text.text, b));
}

/** The right (or a wrong) button. */
export function pick(buttons: AnswerButton[], correct: boolean): AnswerButton {
  const hit = buttons.find((b) => b.correct === correct);
  if (!hit) throw new Error(`no ${correct ? 'right' : 'wrong'} button among ${buttons.map((b) => b.letter).join(', ')}`);
  return hit;
}

/** A Web API call's message (chat.postMessage / chat.update), as a response_url message would hold it. */
export function messageOf(call: ApiCall): Posted & { ts?: string; thread_ts?: string; channel?: string } {
  const a = call.args as { text?: string; blocks?: Record<string, unknown>[]; ts?: string; thread_ts?: string; channel?: string };
  return {
    text: a.text ?? '',
    ...(a.blocks ? { blocks: a.blocks } : {}),
    ...(a.ts ? { ts: a.ts } : {}),
    ...(a.thread_ts ? { thread_ts: a.thread_ts } : {}),
    ...(a.channel ? { channel: a.channel } : {}),
  };
}

/** Every Block Kit limit and mention check of a message the fake received. */
export function checkPosted(message: Posted, where: string): void {
  checkMessage({ text: message.text, blocks: message.blocks ?? [] } as unknown as SlackMessage, where);
}

/** The calls of one method so far. */
export function callsOf(api: FakeSlackApi, method: string): ApiCall[] {
  return api.calls.filter((c) => c.method === method);
}

/** Visible text of a message: block texts joined (for assertions on what people read). */
export function visible(message: Posted): string {
  return JSON.stringify(message.blocks ?? [], (k, v: unknown) => (k === 'value' || k === 'action_id' ? undefined : v));
}

/** When each call reached the fake, and the ts it answered each chat.postMessage with. */
export interface Stamps {
  at: Map<ApiCall, number>;
  ts: Map<ApiCall, string>;
}

/**
 * Makes the fake Slack answer each chat.postMessage with its own ts (as Slack
 * does) and stamp every call's arrival time, for latency and pace figures.
 */
export function distinctTs(api: FakeSlackApi): Stamps {
  const stamps: Stamps = { at: new Map(), ts: new Map() };
  let seq = 0;
  api.answers = (call) => {
    stamps.at.set(call, Date.now());
    if (call.method !== 'chat.postMessage') return undefined;
    seq += 1;
    const ts = `1700000000.${String(seq).padStart(6, '0')}`;
    stamps.ts.set(call, ts);
    return { ts, channel: call.args.channel };
  };
  return stamps;
}

/** Polls until `probe` holds, every 20 ms, for up to `timeoutMs` (generous: a loaded 2-core machine). */
export async function eventually(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs what is due on `platform` and fails on any reported problem. */
export async function runDue(assistant: Assistant, platform: string, outbox: Outbox): Promise<number> {
  const outcome = await assistant.runDue?.(platform, outbox);
  if (!outcome) throw new Error('assistant has no runDue');
  expect(outcome.problems.map((p) => `${p.what}: ${String(p.error)}`)).toEqual([]);
  return outcome.handled;
}
