/**
 * The question of the day end to end on Slack, on the file store: scheduled by
 * a signed `/devops-daily start 09:00`, posted by `runDue('slack', app.outbox)`
 * at the minute the clock says, answered with a signed button press, revealed
 * with its counts in the next day's post; then a restart (a new app and
 * assistant over the same data directory) at the scheduled minute posts
 * nothing more, and two days down make one catch-up post, not two.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/logger.js';
import { esc, oneLine } from '../../adapters/slack/blocks-text.js';
import { createAssistant } from '../../src/assistant.js';
import type { Role } from '../../src/content/schema.js';
import { seededRandom } from '../../src/random.js';
import { type LowdbStore, openLowdbStore } from '../../storage/lowdb-store.js';
import { realRoles } from '../helpers/assistant.js';
import { type Posted, type TestUser, textOf } from '../slack/fakes.js';
import { type Harness, startHarness } from '../slack/harness.js';
import { callsOf, checkPosted, distinctTs, messageOf, type PlayClock, playClock, runDue, visible } from './support.js';

const H = 60 * 60 * 1000;
/** Monday 30 November 2026, 08:00 UTC: every day of the test is a weekday. */
const MON_8 = Date.UTC(2026, 10, 30, 8);
const ADA: TestUser = { id: 'U1', name: 'ada' };
const GRACE: TestUser = { id: 'U2', name: 'grace' };

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

/** One process: a file store on `dataDir`, an assistant over it, and the Bolt app in front. */
interface Proc {
  store: LowdbStore;
  h: Harness;
  tick(): Promise<number>;
  stop(): Promise<void>;
}

async function boot(dataDir: string, roles: Role[], clock: PlayClock, seed: number): Promise<Proc> {
  const store = await openLowdbStore({ dataDir, logger: silentLogger });
  const assistant = createAssistant({ roles, store, clock, random: seededRandom(seed) });
  const h = await startHarness(assistant);
  distinctTs(h.api);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await h.close();
    await store.close();
  };
  cleanup.push(stop);
  return { store, h, tick: () => runDue(assistant, 'slack', h.slack.outbox), stop };
}

/** The letter of the right choice of a daily post, found from the real content (the post shows the prompt and choices). */
function rightLetter(message: Posted, role: Role): string {
  const shown = visible(message);
  // In bold: the question asked (a reveal above it quotes yesterday's prompt in italics).
  const q = role.questions.find((x) => shown.includes(`*${esc(oneLine(x.prompt))}*`));
  if (!q) throw new Error('the post shows no question of the role');
  const lines = (message.blocks ?? []).flatMap((b) => ((b as { text?: { text?: string } }).text?.text ?? '').split('\n'));
  for (const line of lines) {
    const m = /^\*([A-D])\.\* {2}(.*)$/.exec(line);
    if (m && m[2] === esc(oneLine(q.choices.correct))) return m[1]!;
  }
  throw new Error('the right choice is not among the shown ones');
}

const letterButton = (letter: string) => new RegExp(`^${letter}$`);
const other = (letter: string) => (letter === 'A' ? 'B' : 'A');

describe('/devops-daily on Slack, on the file store', () => {
  it('posts at 09:00, reveals the counts the next day, posts once across a restart and once after two days down', { timeout: 60_000 }, async () => {
    const roles = await realRoles();
    const role = roles.find((r) => r.commandPrefix === 'devops')!;
    const dataDir = await mkdtemp(join(tmpdir(), 'panelist-daily-e2e-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const clock = playClock(MON_8);
    let p = await boot(dataDir, roles, clock, 1);
    const sent: Posted[] = [];

    const started = await p.h.command('devops-daily', 'start 09:00', ADA);
    sent.push(started);
    expect(started.response_type).toBe('in_channel');
    expect(textOf(started)).toContain('09:00 UTC');
    // Nothing before the minute.
    clock.set(MON_8 + H - 1000);
    expect(await p.tick()).toBe(0);
    expect(callsOf(p.h.api, 'chat.postMessage')).toHaveLength(0);

    // Monday 09:00: one post, with A–D buttons.
    clock.set(MON_8 + H);
    expect(await p.tick()).toBe(1);
    clock.set(MON_8 + H + 20_000);
    expect(await p.tick()).toBe(0);
    const mondayPosts = callsOf(p.h.api, 'chat.postMessage');
    expect(mondayPosts).toHaveLength(1);
    const monday = messageOf(mondayPosts[0]!);
    expect(monday.channel).toBe('C1');
    expect(visible(monday)).toContain('Question of the day');
    const right = rightLetter(monday, role);

    // Ada answers right, Grace wrong, Ada again: one answer each, privately.
    const a1 = await p.h.press(monday, letterButton(right), ADA);
    const g1 = await p.h.press(monday, letterButton(other(right)), GRACE);
    const a2 = await p.h.press(monday, letterButton(other(right)), ADA);
    sent.push(a1, g1, a2);
    for (const r of [a1, g1, a2]) expect(r.response_type).toBe('ephemeral');
    expect(textOf(a1)).toContain('Answer recorded');
    expect(textOf(a2)).toContain('Already answered');

    // Tuesday 09:00: one post revealing Monday's answer with its counts, then asking the new one.
    clock.set(MON_8 + 25 * H);
    expect(await p.tick()).toBe(1);
    const tuesdayCall = callsOf(p.h.api, 'chat.postMessage')[1]!;
    const tuesday = messageOf(tuesdayCall);
    const t = visible(tuesday);
    expect(t).toContain("Answer to Monday 30 November's question");
    expect(t).toContain(`Answer: ${right}. `);
    expect(t).toContain('1 of 2 answers got it right');
    expect(t.indexOf('Answer to')).toBeLessThan(t.indexOf('Question of the day'));
    expect(rightLetter(tuesday, role)).toMatch(/^[A-D]$/);
    // Monday's post closed in place, its buttons gone.
    const closed = callsOf(p.h.api, 'chat.update');
    expect(closed).toHaveLength(1);
    expect(messageOf(closed[0]!).ts).toBe('1700000000.000001');
    expect(visible(messageOf(closed[0]!))).toContain('Closed · answer:');
    expect((messageOf(closed[0]!).blocks ?? []).some((b) => b.type === 'actions')).toBe(false);
    for (const c of p.h.api.calls.filter((x) => x.method.startsWith('chat.'))) checkPosted(messageOf(c), `${c.method} ${String(c.args.ts ?? '')}`);

    // A restart within the scheduled minute: a new app and assistant over the same data directory post nothing.
    await p.stop();
    clock.set(MON_8 + 25 * H + 30_000);
    p = await boot(dataDir, roles, clock, 2);
    expect(await p.tick()).toBe(0);
    clock.set(MON_8 + 25 * H + 59_000);
    expect(await p.tick()).toBe(0);
    expect(callsOf(p.h.api, 'chat.postMessage')).toHaveLength(0);
    expect(callsOf(p.h.api, 'chat.update')).toHaveLength(0);

    // Down from Tuesday 09:01 to Thursday 14:00: one catch-up post on the restart, revealing Tuesday's question.
    await p.stop();
    clock.set(MON_8 + 3 * 24 * H + 6 * H);
    p = await boot(dataDir, roles, clock, 3);
    expect(await p.tick()).toBe(1);
    clock.set(MON_8 + 3 * 24 * H + 6 * H + 60_000);
    expect(await p.tick()).toBe(0);
    const catchUp = callsOf(p.h.api, 'chat.postMessage');
    expect(catchUp).toHaveLength(1);
    expect(visible(messageOf(catchUp[0]!))).toContain("Answer to Tuesday 1 December's question");
    expect(visible(messageOf(catchUp[0]!))).toContain('Nobody answered');
    // And it keeps its time: Friday 09:00, one post.
    clock.set(MON_8 + 4 * 24 * H + H);
    expect(await p.tick()).toBe(1);
    expect(callsOf(p.h.api, 'chat.postMessage')).toHaveLength(2);
    for (const c of p.h.api.calls.filter((x) => x.method.startsWith('chat.'))) checkPosted(messageOf(c), `${c.method} ${String(c.args.ts ?? '')}`);
    for (const [i, r] of sent.entries()) checkPosted(r, `reply ${i}`);
    await p.stop();
  });
});
