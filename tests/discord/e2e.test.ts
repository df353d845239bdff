/**
 * The real bot (discord.js) and the real core, driven through the fake Discord
 * gateway and REST like users would: commands, buttons and modals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAssistant } from '../helpers/assistant.js';
import { buttonsOf, findButton, type Sent } from './driver.js';
import type { FakeMessage, FakePlace, FakeUser, RecordedCall } from './fake-discord.js';
import { type Harness, startHarness } from './harness.js';
import { limitViolations } from './limits-check.js';

const GUILD: FakePlace = { guildId: '300000000000000001', channelId: '400000000000000001' };
const ADA: FakeUser = { id: '500000000000000001', username: 'ada', global_name: 'Ada' };
const BOB: FakeUser = { id: '500000000000000002', username: 'bob' };
const MENTION: FakeUser = { id: '500000000000000003', username: 'mallory', global_name: '@everyone <@123>' };

type Body = {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[];
    components?: unknown[];
    custom_id?: string;
    title?: string;
    allowed_mentions?: unknown;
    content?: string;
  };
};

const body = (call: RecordedCall) => call.body as Body;
const text = (value: unknown) => JSON.stringify(value);

let h: Harness;

beforeAll(async () => {
  const { assistant } = await makeTestAssistant();
  h = await startHarness(assistant);
});
afterAll(() => h.close());

/** Waits for an interaction's first response and returns it with the message it left. */
async function settled(sent: Sent): Promise<{ call: RecordedCall; body: Body; message: FakeMessage }> {
  const call = await h.driver.callback(sent);
  return { call, body: body(call), message: h.driver.messageOf(sent) };
}

describe('slash commands, buttons and modals through the gateway', () => {
  it('posts the role summary publicly as an embed, with mentions disabled', async () => {
    const { body: b, message } = await settled(h.driver.command(ADA, GUILD, 'devops-role'));
    expect(b.type).toBe(4);
    expect(b.data?.flags ?? 0).toBe(0);
    expect(b.data?.embeds?.[0]?.title).toBe('DevOps Engineer');
    expect(b.data?.allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(message).map((x) => x.label)).toContain('Key skills');
  });

  it('shows the interviewer card privately; Show answer, Harder and Easier update it in place', async () => {
    const first = await settled(h.driver.command(ADA, GUILD, 'devops-question', { options: { tier: 'technical' } }));
    expect(first.body.type).toBe(4);
    expect(first.body.data?.flags).toBe(64);
    const labels = buttonsOf(first.message).map((x) => x.label);
    expect(labels).toEqual(expect.arrayContaining(['Show answer', 'Another', 'Harder', 'Easier']));
    expect(first.message.embeds).toHaveLength(1);

    const shown = await settled(h.driver.press(ADA, GUILD, first.message, findButton(first.message, /Show answer/).custom_id));
    expect(shown.body.type).toBe(7);
    expect(shown.message.id).toBe(first.message.id);
    expect(text(shown.message.embeds)).toContain('Model answer');

    const harder = await settled(h.driver.press(ADA, GUILD, shown.message, findButton(shown.message, /Harder/).custom_id));
    expect(harder.body.type).toBe(7);
    expect(harder.body.data?.embeds?.[0]?.title).toMatch(/Advanced/);
    const easier = await settled(h.driver.press(ADA, GUILD, harder.message, findButton(harder.message, /Easier/).custom_id));
    expect(easier.body.type).toBe(7);
    expect(easier.body.data?.embeds?.[0]?.title).toMatch(/Technical/);
  });

  it('fits the five card buttons in one row, and Flag answers privately without updating the card', async () => {
    const first = await settled(h.driver.command(ADA, GUILD, 'devops-question', { options: { tier: 'technical' } }));
    expect(first.body.data?.components).toHaveLength(1);
    expect(buttonsOf(first.message).map((x) => x.label)).toEqual(['Show answer', 'Another', 'Harder', 'Easier', 'Flag']);
    const flagged = await settled(h.driver.press(ADA, GUILD, first.message, findButton(first.message, /^Flag$/).custom_id));
    expect(flagged.body.type).toBe(4);
    expect(flagged.body.data?.flags).toBe(64);
    expect(text(flagged.body.data)).toContain('Thanks — question flagged for review');
  });

  it('plays a whole multiple-choice quiz with buttons, each step updating the message', async () => {
    const start = await settled(h.driver.command(ADA, GUILD, 'devops-quiz', { subcommand: 'start', options: { tier: 'advanced', count: 3 } }));
    expect(start.body.data?.flags).toBe(64);
    expect(start.body.data?.embeds?.[0]?.footer?.text).toMatch(/^Question 1 of 3 · 0 pts/);
    let message = start.message;
    for (let step = 1; step <= 3; step += 1) {
      const choices = buttonsOf(message).filter((x) => /^[A-D]\. /.test(x.label));
      expect(choices.map((x) => x.label[0])).toEqual(['A', 'B', 'C', 'D']);
      const pressed = await settled(h.driver.press(ADA, GUILD, message, choices[step % 4]!.custom_id));
      expect(pressed.body.type).toBe(7);
      expect(pressed.message.id).toBe(start.message.id);
      const embeds = pressed.body.data?.embeds ?? [];
      expect(embeds[0]?.title).toMatch(/Correct|Not quite|Partly/);
      if (step < 3) expect(embeds[1]?.footer?.text).toMatch(new RegExp(`^Question ${step + 1} of 3 · `));
      else expect(embeds[1]?.title).toMatch(/Quiz finished/);
      message = pressed.message;
    }
  });

  it('plays a whole free-text quiz through the modal, graded on submit', async () => {
    const start = await settled(h.driver.command(BOB, GUILD, 'devops-quiz', { subcommand: 'start', options: { count: 2, mode: 'text' } }));
    let message = start.message;
    for (let step = 1; step <= 2; step += 1) {
      const answer = findButton(message, /^Answer$/);
      const opened = await settled(h.driver.press(BOB, GUILD, message, answer.custom_id));
      expect(opened.body.type).toBe(9);
      const modal = opened.body.data as {
        custom_id: string;
        title: string;
        components: { type: number; label: string; component: { custom_id: string; max_length: number } }[];
      };
      expect(modal.title.length).toBeLessThanOrEqual(45);
      expect(modal.components[0]?.label.length).toBeLessThanOrEqual(45);
      expect(modal.components[0]?.component.max_length).toBeLessThanOrEqual(4000);
      const submitted = await settled(
        h.driver.submit(
          BOB,
          GUILD,
          modal.custom_id,
          modal.components[0]!.component.custom_id,
          'Use a remote backend such as S3 with DynamoDB state locking, encryption and versioning; separate state per environment; plan in CI',
          message,
        ),
      );
      expect(submitted.body.type).toBe(7);
      expect(submitted.message.id).toBe(start.message.id);
      const feedback = submitted.body.data?.embeds?.[0];
      expect(text(feedback)).toMatch(/Score/);
      expect(text(feedback)).toContain('Model answer');
      message = submitted.message;
    }
    expect(text(message.embeds)).toMatch(/Quiz finished/);
  });

  it('shows the guild leaderboard after two users played, and shares it to the channel on request', async () => {
    const board = await settled(h.driver.command(ADA, GUILD, 'devops-quiz', { subcommand: 'leaderboard' }));
    expect(board.body.data?.flags).toBe(64);
    const description = board.body.data?.embeds?.[0]?.description ?? '';
    expect(description).toContain('Ada');
    expect(description).toContain('bob');
    const shared = await settled(h.driver.press(ADA, GUILD, board.message, findButton(board.message, /Share/).custom_id));
    expect(shared.body.type).toBe(4);
    expect(shared.body.data?.flags ?? 0).toBe(0);
    expect(shared.message.id).not.toBe(board.message.id);
    expect(shared.message.channel_id).toBe(GUILD.channelId);
    expect(shared.body.data?.embeds?.[0]?.description).toContain('bob');
    expect(shared.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps leaderboards per user in DMs', async () => {
    const dmAda: FakePlace = { channelId: '600000000000000001' };
    const dmBob: FakePlace = { channelId: '600000000000000002' };
    const quiz = await settled(h.driver.command(ADA, dmAda, 'devops-quiz', { subcommand: 'start', options: { count: 1 } }));
    await settled(h.driver.press(ADA, dmAda, quiz.message, buttonsOf(quiz.message)[0]!.custom_id));
    const adaBoard = await settled(h.driver.command(ADA, dmAda, 'devops-quiz', { subcommand: 'leaderboard' }));
    expect(adaBoard.body.data?.embeds?.[0]?.description).toContain('Ada');
    const bobBoard = await settled(h.driver.command(BOB, dmBob, 'devops-quiz', { subcommand: 'leaderboard' }));
    expect(bobBoard.body.data?.embeds?.[0]?.description).not.toContain('Ada');
  });

  it('never pings: echoed mention text goes out with allowed_mentions parse []', async () => {
    const search = await settled(h.driver.command(MENTION, GUILD, 'devops-search', { options: { query: '@everyone <@123> kubernetes' } }));
    expect(search.body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(text(search.body.data?.embeds)).toContain('@everyone <@123>');
    const quiz = await settled(h.driver.command(MENTION, GUILD, 'devops-quiz', { subcommand: 'start', options: { count: 1 } }));
    await settled(h.driver.press(MENTION, GUILD, quiz.message, buttonsOf(quiz.message)[0]!.custom_id));
    const shared = await settled(h.driver.command(MENTION, GUILD, 'devops-quiz', { subcommand: 'leaderboard', options: { share: true } }));
    expect(shared.body.data?.flags ?? 0).toBe(0);
    expect(shared.body.data?.embeds?.[0]?.description).toContain('@everyone <@123>');
    expect(shared.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a stale button with a clear private reply and leaves the message alone', async () => {
    const quiz = await settled(h.driver.command(ADA, GUILD, 'devops-quiz', { subcommand: 'start', options: { count: 2 } }));
    // The fake edits messages in place: keep the question as the user still sees it in an old client.
    const before: FakeMessage = structuredClone(quiz.message);
    const stopped = await settled(h.driver.press(ADA, GUILD, quiz.message, findButton(quiz.message, /^Stop$/).custom_id));
    expect(stopped.body.type).toBe(7);
    const stale = await settled(h.driver.press(ADA, GUILD, before, buttonsOf(before)[0]!.custom_id));
    expect(stale.body.type).toBe(4);
    expect(stale.body.data?.flags).toBe(64);
    expect(stale.body.data?.embeds?.[0]?.title).toMatch(/expired/);
    expect(text(h.fake.messages.get(quiz.message.id)?.embeds)).toContain('Quiz stopped');
  });

  it('sent only messages within every Discord limit and with mentions disabled', () => {
    const sent = h.fake.calls.filter((c) => (c.path.endsWith('/callback') && [4, 7].includes(body(c).type)) || c.path.startsWith('/webhooks/'));
    expect(sent.length).toBeGreaterThan(20);
    for (const call of sent) {
      const data = call.path.endsWith('/callback') ? body(call).data : call.body;
      if (call.method === 'DELETE') continue;
      expect(limitViolations(data), call.path).toEqual([]);
      expect((data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    }
    expect(h.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
