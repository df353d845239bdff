/**
 * The real core behind the HTTP interactions server, driven like Discord
 * drives it: signed POSTs on 127.0.0.1, answered in the HTTP response.
 * Commands, buttons and modals behave as on the gateway (tests/discord/e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitViolations } from '../discord/limits-check.js';
import { makeTestAssistant } from '../helpers/assistant.js';
import { type Answered, buttonsOf, findButton, type Place, signed, type User } from './client.js';
import { BOT_TOKEN, type HttpHarness, startHttpHarness } from './harness.js';

const GUILD: Place = { guildId: '300000000000000001', channelId: '400000000000000001' };
const ADA: User = { id: '500000000000000001', username: 'ada', global_name: 'Ada' };
const BOB: User = { id: '500000000000000002', username: 'bob' };
const MALLORY: User = { id: '500000000000000003', username: 'mallory', global_name: '@everyone <@123>' };

type Embed = { title?: string; description?: string; footer?: { text: string } };
const embedsOf = (a: Answered) => (a.response.data?.embeds ?? []) as Embed[];
const text = (v: unknown) => JSON.stringify(v);

let h: HttpHarness;
const answered: Answered[] = [];
const track = async (p: Promise<Answered>) => {
  const a = await p;
  answered.push(a);
  return a;
};

beforeAll(async () => {
  const { assistant } = await makeTestAssistant();
  h = await startHttpHarness(assistant);
});
afterAll(() => h.close());

describe('Discord over HTTP: commands, buttons and modals', () => {
  it('answers PING with PONG', async () => {
    const body = JSON.stringify({ id: '1', application_id: '100000000000000001', type: 1, token: 't', version: 1 });
    const res = await h.client.raw(body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('posts the role summary publicly, inline in the response, with mentions disabled', async () => {
    const a = await track(h.client.command(ADA, GUILD, 'devops-role'));
    expect(a.status).toBe(200);
    expect(a.response.type).toBe(4);
    expect(a.response.data?.flags ?? 0).toBe(0);
    expect(embedsOf(a)[0]?.title).toBe('DevOps Engineer');
    expect(a.response.data?.allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(a.message).map((b) => b.label)).toContain('Key skills');
    // Answered in time: no webhook call at all.
    expect(h.fake.callsOf(a.token)).toEqual([]);
  });

  it('plays a multiple-choice quiz: private start, each press updating the same message', async () => {
    const start = await track(h.client.command(ADA, GUILD, 'devops-quiz', { subcommand: 'start', options: { tier: 'advanced', count: 2 } }));
    expect(start.response.type).toBe(4);
    expect(start.response.data?.flags).toBe(64);
    expect(embedsOf(start)[0]?.footer?.text).toMatch(/^Question 1 of 2 · 0 pts/);
    let message = start.message;
    for (let step = 1; step <= 2; step += 1) {
      const choices = buttonsOf(message).filter((b) => /^[A-D]\. /.test(b.label));
      expect(choices).toHaveLength(4);
      const pressed = await track(h.client.press(ADA, GUILD, message!, choices[step]!.custom_id));
      expect(pressed.response.type).toBe(7);
      expect(pressed.response.data?.flags).toBeUndefined();
      expect(pressed.message?.id).toBe(start.message?.id);
      expect(embedsOf(pressed)[0]?.title).toMatch(/Correct|Not quite|Partly/);
      message = pressed.message;
    }
    expect(text(message?.embeds)).toMatch(/Quiz finished/);
  });

  it('opens the answer form as a modal and grades the submit, updating the quiz', async () => {
    const start = await track(h.client.command(BOB, GUILD, 'devops-quiz', { subcommand: 'start', options: { count: 1, mode: 'text' } }));
    const opened = await track(h.client.press(BOB, GUILD, start.message!, findButton(start.message, /^Answer$/).custom_id));
    expect(opened.response.type).toBe(9);
    const modal = opened.response.data as {
      custom_id: string;
      title: string;
      components: { label: string; component: { custom_id: string; max_length: number } }[];
    };
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components[0]?.component.max_length).toBeLessThanOrEqual(4000);
    const submitted = await track(
      h.client.submit(
        BOB,
        GUILD,
        modal.custom_id,
        modal.components[0]!.component.custom_id,
        'Remote state in S3 with DynamoDB locking, encrypted and versioned',
        start.message,
      ),
    );
    expect(submitted.response.type).toBe(7);
    expect(submitted.message?.id).toBe(start.message?.id);
    expect(text(embedsOf(submitted)[0])).toMatch(/Score/);
  });

  it('keeps scores in the same store spaces as the gateway: the guild leaderboard shows who played', async () => {
    const board = await track(h.client.command(ADA, GUILD, 'devops-quiz', { subcommand: 'leaderboard' }));
    expect(board.response.data?.flags).toBe(64);
    expect(embedsOf(board)[0]?.description).toContain('Ada');
    expect(embedsOf(board)[0]?.description).toContain('bob');
    const shared = await track(h.client.press(ADA, GUILD, board.message!, findButton(board.message, /Share/).custom_id));
    // Public from a private message: a new message, never an update of the private one.
    expect(shared.response.type).toBe(4);
    expect(shared.response.data?.flags ?? 0).toBe(0);
  });

  it('never pings: echoed mention text goes out with allowed_mentions parse []', async () => {
    const search = await track(h.client.command(MALLORY, GUILD, 'devops-search', { options: { query: '@everyone <@123> kubernetes' } }));
    expect(text(search.response.data?.embeds)).toContain('@everyone <@123>');
    expect(search.response.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a stale button privately and leaves the message alone', async () => {
    const quiz = await track(h.client.command(ADA, GUILD, 'devops-quiz', { subcommand: 'start', options: { count: 2 } }));
    const before = structuredClone(quiz.message!);
    const stopped = await track(h.client.press(ADA, GUILD, quiz.message!, findButton(quiz.message, /^Stop$/).custom_id));
    expect(stopped.response.type).toBe(7);
    const stale = await track(h.client.press(ADA, GUILD, before, buttonsOf(before)[0]!.custom_id));
    expect(stale.response.type).toBe(4);
    expect(stale.response.data?.flags).toBe(64);
    expect(embedsOf(stale)[0]?.title).toMatch(/expired/);
  });
});

describe('Discord over HTTP: refusing what is not Discord', () => {
  const ping = JSON.stringify({ id: '1', application_id: '100000000000000001', type: 1, token: 't', version: 1 });

  it('401s a missing, malformed, mutated or stale signature', async () => {
    const good = signed(h.keys, ping);
    const cases: Record<string, Promise<Response>> = {
      none: h.client.raw(ping, {}),
      noTimestamp: h.client.raw(ping, { 'x-signature-ed25519': good['x-signature-ed25519']! }),
      malformed: h.client.raw(ping, { ...good, 'x-signature-ed25519': 'zz' }),
      mutatedSignature: h.client.raw(ping, { ...good, 'x-signature-ed25519': `${good['x-signature-ed25519']!.slice(0, -2)}00` }),
      mutatedBody: h.client.raw(ping.replace('"t"', '"u"'), good),
      otherTimestamp: h.client.raw(ping, { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) }),
      stale: h.client.raw(ping, signed(h.keys, ping, String(Math.floor(Date.now() / 1000) - 600))),
    };
    for (const [name, res] of Object.entries(cases)) expect((await res).status, name).toBe(401);
    expect(h.logger.lines.filter((l) => l.msg === 'discord: request not verified').map((l) => l.fields.problem)).toEqual(
      expect.arrayContaining(['missing signature', 'malformed signature', 'bad signature', 'stale timestamp']),
    );
  });

  it('413s an oversized body, 400s garbage JSON and payloads it does not serve, 405s other methods', async () => {
    const big = JSON.stringify({ type: 1, pad: 'x'.repeat(1024 * 1024 + 10) });
    expect((await h.client.raw(big)).status).toBe(413);
    expect((await h.client.raw('{not json')).status).toBe(400);
    expect((await h.client.raw(JSON.stringify({ type: 2, id: '1' }))).status).toBe(400);
    expect((await h.client.raw(JSON.stringify({ type: 4, id: '1' }))).status).toBe(400);
    expect((await fetch(`${h.base}/discord/interactions`)).status).toBe(405);
    expect((await fetch(`${h.base}/nope`)).status).toBe(404);
  });

  it('serves the probes on the same server', async () => {
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.base}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await fetch(`${h.base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# (HELP|TYPE) /m);
  });

  it('sent only messages within every Discord limit, with mentions disabled, and never the bot token', () => {
    const bodies = answered.filter((a) => a.response.type === 4 || a.response.type === 7).map((a) => a.response.data);
    expect(bodies.length).toBeGreaterThan(10);
    for (const data of bodies) {
      expect(limitViolations(data)).toEqual([]);
      expect((data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    }
    expect(text(h.logger.lines)).not.toContain(BOT_TOKEN);
    expect(h.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
