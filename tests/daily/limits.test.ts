/**
 * Every question-of-the-day message fits Slack's Block Kit and Discord's embed
 * and component limits, for every question of every role: the post with the
 * previous question's reveal (the longest pairing), the post closed, and a
 * status naming a long display name that must not become a mention.
 */
import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { decodeAction } from '../../src/actions.js';
import type { Post, Schedule } from '../../src/daily/records.js';
import { dailyPostView, revealOf } from '../../src/daily/views.js';
import { createRoleRuntime } from '../../src/role-runtime.js';
import type { View } from '../../src/views.js';
import { limitViolations } from '../discord/limits-check.js';
import { realRoles } from '../helpers/assistant.js';
import { checkMessage } from '../slack/limits.js';

const schedule: Schedule = {
  roleId: 'r',
  channel: { platform: 'discord', workspace: '123456789012345678', channel: '123456789012345678' },
  hh: 23,
  mm: 59,
  tz: 'America/Argentina/ComodRivadavia',
  weekdaysOnly: true,
  tier: 'mixed',
  seen: [],
  startedBy: 'x',
  startedAt: 0,
};
const post = (questionId: string, closed?: Post['closed']): Post => ({
  date: '2026-12-02',
  questionId,
  order: [3, 1, 0, 2],
  restart: false,
  state: 'posted',
  claimedAt: 0,
  attempts: 1,
  ...(closed ? { closed } : {}),
});

function check(view: View, where: string): void {
  checkMessage(renderSlack({ visibility: 'public', view }), where);
  expect(limitViolations(renderDiscord({ visibility: 'public', view })), where).toEqual([]);
}

describe('daily messages fit every platform', () => {
  it('for every question of every role, with a reveal and closed', async () => {
    let checked = 0;
    for (const role of await realRoles()) {
      const rt = createRoleRuntime(role);
      const qs = role.questions;
      // Each question is revealed above the longest prompt-plus-answer in the bank, and above each other question in turn.
      const longest = [...qs].sort((a, b) => b.prompt.length + b.answer.length - (a.prompt.length + a.answer.length))[0];
      for (const [i, q] of qs.entries()) {
        const before = qs[(i + 1) % qs.length] ?? q;
        for (const prev of [before, longest ?? q]) {
          const reveal = revealOf(prev, post(prev.id, { at: 0, answered: 12345, correct: 6789 }));
          check({ ...dailyPostView(rt, schedule, post(q.id), reveal), note: 'n'.repeat(400) } as View, `${q.id} after ${prev.id}`);
        }
        const closed = dailyPostView(rt, schedule, post(q.id, { at: 0, answered: 99999, correct: 99999 }), undefined);
        expect(closed.kind === 'daily-question' && closed.actions).toEqual([]);
        check(closed, `${q.id} closed`);
        // Button ids with the longest channel ids stay within Discord's 100 characters.
        const open = dailyPostView(rt, schedule, post(q.id), undefined);
        for (const a of 'actions' in open ? open.actions : [])
          expect(decodeAction(a.id), a.id).toMatchObject({ area: 'daily', channel: schedule.channel.channel });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('status, with a long display name that must not ping', () => {
    const view: View = {
      kind: 'daily-status',
      roleTitle: 'DevOps Engineer',
      schedule: {
        time: '09:00',
        tz: 'Europe/London',
        days: 'every day',
        tier: 'mixed',
        next: 'Thursday 3 December, 09:00 Europe/London',
        startedBy: '<@U123> @everyone <!channel>'.padEnd(80, 'x'),
      },
      last: { date: 'Wednesday 2 December', prompt: 'p'.repeat(3000), answered: 5 },
      problem: 'q'.repeat(600),
      actions: [],
    };
    check(view, 'status');
    expect(JSON.stringify(renderSlack({ visibility: 'public', view }).blocks)).not.toContain('<@U123>');
  });
});
