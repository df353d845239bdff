/** With SLACK_BOT_TOKEN (one workspace) nothing of OAuth is served: no install pages, the one token for everything. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAssistant } from '../../helpers/assistant.js';
import { BOT_TOKEN } from '../fakes.js';
import { type Harness, startHarness } from '../harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness((await makeTestAssistant()).assistant);
});
afterAll(async () => {
  await h.close();
});

describe('single-workspace mode', () => {
  it('serves no install flow', async () => {
    const base = h.url.replace(/\/slack\/events$/, '');
    for (const path of ['/slack/install', '/slack/oauth_redirect?code=x&state=y']) {
      const res = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(404);
    }
  });

  it('uses SLACK_BOT_TOKEN for commands, forms and the outbox alike', async () => {
    const m = await h.command('devops-quiz', 'start technical 2 text');
    await h.answerInModal(m, 'Answer', 'tracing with spans');
    expect(h.api.calls.filter((c) => c.method === 'views.open').every((c) => c.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
    expect(await h.slack.tokens.botTokenFor('T1')).toBe(BOT_TOKEN);
  });
});
