/**
 * Timing and failure paths of the HTTP mode with a scripted assistant: past
 * the deadline the response is a deferral (type 5 or 6) and the answer goes
 * through the interaction's webhook with @discordjs/rest; faults get the
 * private apology the right way for what was sent so far.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant.js';
import type { Request } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';
import { limitViolations } from '../discord/limits-check.js';
import { buttonsOf, type Place, type User } from './client.js';
import { BOT_TOKEN, type HttpHarness, startHttpHarness } from './harness.js';

const PLACE: Place = { guildId: '300000000000000009', channelId: '400000000000000009' };
const USER: User = { id: '500000000000000009', username: 'eve' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const notice = (title: string, visibility: Reply['visibility'] = 'private', replace = false): Reply => ({
  visibility,
  ...(replace ? { replace } : {}),
  view: {
    kind: 'notice',
    title,
    text: 'text',
    actions: [
      { id: 'x|slow', label: 'Slow' },
      { id: 'x|share', label: 'Share' },
      { id: 'x|form', label: 'Answer', prompt: { actionId: 'x|form', title: 'Your answer', label: 'Type it', maxLength: 500 } },
    ],
  },
});

const scripted: Assistant = {
  commands: [],
  async handle(request: Request): Promise<Reply> {
    const name = request.type === 'command' ? request.command : request.actionId;
    if (name === 'boom') throw new Error('store is down');
    if (name === 'slow-private') return sleep(300).then(() => notice('slow private'));
    if (name === 'slow-public') return sleep(300).then(() => notice('slow public', 'public'));
    if (name === 'slow-boom') return sleep(300).then(() => Promise.reject(new Error('late fault')));
    if (name === 'x|slow') return sleep(300).then(() => notice('slow update', 'private', true));
    if (name === 'x|share') return sleep(300).then(() => notice('shared', 'public', true));
    if (name === 'x|form') return notice(`got: ${request.type === 'action' ? request.text : ''}`, 'private', true);
    if (request.type === 'command') return notice(`${name} ${JSON.stringify(request.options)} ${request.ctx.space} ${request.ctx.user.name}`);
    return notice(`${name}: ${request.text ?? ''}`, 'private', true);
  },
};

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttpHarness(scripted, { deferAfterMs: 100 });
});
afterAll(() => h.close());

const bodyText = (v: unknown) => JSON.stringify(v);

describe('Discord over HTTP: deferring and late answers', () => {
  it('maps options and the context like the gateway: guild as space, dm:user in DMs', async () => {
    const guild = await h.client.command(USER, PLACE, 'devops-quiz', { options: { count: 3, share: true } });
    expect(bodyText(guild.response)).toContain('devops-quiz {\\"count\\":3,\\"share\\":true} 300000000000000009 eve');
    const dm = await h.client.command({ ...USER, global_name: 'Eve G' }, { channelId: '600000000000000009' }, 'devops-help');
    expect(bodyText(dm.response)).toContain(`dm:${USER.id} Eve G`);
  });

  it('defers a slow command privately (type 5, ephemeral), then edits the answer into the placeholder', async () => {
    const started = performance.now();
    const a = await h.client.command(USER, PLACE, 'slow-private');
    expect(performance.now() - started).toBeLessThan(290);
    expect(a.response).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path === `/webhooks/100000000000000001/${a.token}/messages/@original`);
    expect(bodyText(edit.body)).toContain('slow private');
    expect((edit.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(edit.auth).toBeUndefined();
    expect(h.fake.messages.get(a.message!.id)?.embeds).not.toEqual([]);
  });

  it('defers a slow public command, posts the answer as a follow-up and removes the placeholder', async () => {
    const a = await h.client.command(USER, PLACE, 'slow-public');
    expect(a.response.type).toBe(5);
    const post = await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/webhooks/100000000000000001/${a.token}`);
    expect(post.query.get('wait')).toBe('true');
    expect((post.body as { flags?: number }).flags ?? 0).toBe(0);
    expect(bodyText(post.body)).toContain('slow public');
    await h.fake.waitFor((c) => c.method === 'DELETE' && c.path.startsWith(`/webhooks/100000000000000001/${a.token}/messages/`));
    expect(h.fake.messages.get(a.message!.id)?.deleted).toBe(true);
  });

  it('defers a slow button with a deferred update (type 6), then edits the message it was on', async () => {
    const first = await h.client.command(USER, PLACE, 'devops-card');
    const a = await h.client.press(USER, PLACE, first.message!, 'x|slow');
    expect(a.response).toEqual({ type: 6 });
    await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/100000000000000001/${a.token}/`));
    expect(bodyText(h.fake.messages.get(first.message!.id)?.embeds)).toContain('slow update');
  });

  it('sends a slow public reply to a private message as a follow-up, never editing the private one', async () => {
    const first = await h.client.command(USER, PLACE, 'devops-card');
    const a = await h.client.press(USER, PLACE, first.message!, 'x|share');
    expect(a.response.type).toBe(6);
    const post = await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/webhooks/100000000000000001/${a.token}`);
    expect(bodyText(post.body)).toContain('shared');
    expect(h.fake.callsOf(a.token).filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('apologises inline for a fault in time, and by follow-up after a deferral', async () => {
    const now = await h.client.command(USER, PLACE, 'boom');
    expect(now.response.type).toBe(4);
    expect(now.response.data?.flags).toBe(64);
    expect(bodyText(now.response.data)).toMatch(/went wrong/i);
    const late = await h.client.command(USER, PLACE, 'slow-boom');
    expect(late.response.type).toBe(5);
    const post = await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/webhooks/100000000000000001/${late.token}`);
    expect((post.body as { flags?: number }).flags).toBe(64);
    expect(bodyText(post.body)).toMatch(/went wrong/i);
    const failed = h.logger.lines.filter((l) => l.msg === 'discord: request failed').map((l) => l.fields.interactionId);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((id) => typeof id === 'string')).toBe(true);
  });

  it('opens a form button as a modal at once, with the remembered words, and takes the submit', async () => {
    const first = await h.client.command(USER, PLACE, 'devops-card');
    const form = buttonsOf(first.message).find((b) => b.label === 'Answer')!;
    const opened = await h.client.press(USER, PLACE, first.message!, form.custom_id);
    expect(opened.response.type).toBe(9);
    const modal = opened.response.data as { custom_id: string; title: string; components: { label: string; component: { custom_id: string } }[] };
    expect(modal.custom_id).toBe('x|form');
    expect(modal.components[0]?.label).toBe('Type it');
    const submitted = await h.client.submit(USER, PLACE, modal.custom_id, modal.components[0]!.component.custom_id, 'my answer', first.message);
    expect(submitted.response.type).toBe(7);
    expect(bodyText(submitted.response.data)).toContain('got: my answer');
    // A submit without our input is the user's problem: a private usage error, not an apology.
    const empty = await h.client.submit(USER, PLACE, 'x|form', 'other', 'x', first.message);
    expect(empty.response.type).toBe(4);
    expect(bodyText(empty.response.data)).toMatch(/without an answer/);
  });

  it('sends a checklist change as one action with every selected value', async () => {
    const first = await h.client.command(USER, PLACE, 'devops-card');
    const a = await h.client.select(USER, PLACE, first.message!, 'x|list', ['a', 'c']);
    expect(bodyText(a.response.data)).toContain('x|list: a c');
  });

  it('kept every late message within limits, without the bot token, and logged no unexpected error', () => {
    const late = h.fake.calls.filter((c) => c.method !== 'DELETE');
    expect(late.length).toBeGreaterThanOrEqual(5);
    for (const c of late) {
      expect(limitViolations(c.body), c.path).toEqual([]);
      expect(c.auth).toBeUndefined();
    }
    expect(bodyText(h.logger.lines)).not.toContain(BOT_TOKEN);
    const errors = h.logger.lines.filter((l) => l.level === 'error').map((l) => l.msg);
    expect(errors.every((m) => m === 'discord: request failed')).toBe(true);
  });
});
