/**
 * Every challenge message fits Slack's Block Kit and Discord's embed and
 * component limits, for every question of every role: the question, its
 * reveal with a crowd of long names, and full standings. Names are user
 * text: none may become a mention.
 */
import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { questionView, revealView, standingsView } from '../../src/challenge/present.js';
import { type Challenge, challengeSchema } from '../../src/challenge/record.js';
import { createRoleRuntime } from '../../src/role-runtime.js';
import type { View } from '../../src/views.js';
import { limitViolations } from '../discord/limits-check.js';
import { realRoles } from '../helpers/assistant.js';
import { checkMessage } from '../slack/limits.js';

const LONG_NAME = '<@U123> **Bold** `tick` @everyone & a very long display name indeed 🚀'.padEnd(80, 'x');

function challengeFor(ids: string[], index: number, players: number): Challenge {
  const scores = Object.fromEntries(
    Array.from({ length: players }, (_, i) => [`U${i}`, { name: `${LONG_NAME}${i}`, correct: i % 20, points: 1000 * i, answered: 20 }]),
  );
  return challengeSchema.parse({
    id: 'zzzzzzzzzz',
    roleId: 'r',
    space: 's',
    channel: { platform: 'slack', workspace: 'T1', channel: 'C1' },
    starter: { id: 'U0', name: LONG_NAME },
    tier: 'mixed',
    seconds: 120,
    questionIds: ids,
    index,
    phase: 'reveal',
    openedAt: 0,
    deadline: 120_000,
    scores,
    tally: {
      counts: [400, 300, 200, 100],
      answered: 1000,
      right: Array.from({ length: 25 }, (_, i) => `${LONG_NAME}${i}`),
      rightCount: 400,
      fastest: { name: LONG_NAME, ms: 999 },
    },
    stopped: { name: LONG_NAME },
    attempts: 0,
    createdAt: 0,
  });
}

function fits(view: View, where: string): void {
  checkMessage(renderSlack({ visibility: 'public', view }), where);
  expect(limitViolations(renderDiscord({ visibility: 'public', view })), where).toEqual([]);
  if ('actions' in view) for (const a of view.actions) expect(a.id.length, `${where}: ${a.id}`).toBeLessThanOrEqual(100);
}

describe('challenge messages within platform limits', () => {
  it('fit for every question of every role', async () => {
    let checked = 0;
    for (const role of await realRoles()) {
      const rt = createRoleRuntime(role);
      const ids = role.questions.map((q) => q.id);
      for (const [i, q] of role.questions.entries()) {
        const c = challengeFor(ids.slice(0, 20), i % 20, 0);
        fits(questionView(rt, { ...c, index: i % 20 }, q), `question ${q.id}`);
        fits(revealView(rt, challengeFor(ids.slice(0, 20), i % 20, 0), q), `reveal ${q.id}`);
        checked += 1;
      }
      fits(standingsView(rt, challengeFor(ids.slice(0, 20), 19, 500)), 'standings');
    }
    expect(checked).toBeGreaterThan(50);
  });
});
