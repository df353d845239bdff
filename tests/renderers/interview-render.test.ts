/**
 * Interview views from the real question bank through every renderer: every
 * question as a card (pasted answer, every red flag, a note), the plan, the
 * scorecard and the list stay within Slack's and Discord's limits; the boxes
 * become Slack checkboxes, Discord multi-selects and the console's numbers,
 * and oversized checklists are cut to what each platform takes.
 */
import { describe, expect, it } from 'vitest';
import { numberedItems, parseTickLine } from '../../adapters/console/checklists.js';
import { renderReply as renderConsole } from '../../adapters/console/render.js';
import { rowSelects } from '../../adapters/discord/components.js';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { checklistsOf } from '../../adapters/format/interview.js';
import { checklistBlocks } from '../../adapters/slack/checklist.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { pasteAnswer, setNote, setRedFlags } from '../../src/interview/session.js';
import { cardView, type InterviewViewContext, listView, planView, scorecardView } from '../../src/interview/views.js';
import { createAnalyzer } from '../../src/search/text.js';
import type { Reply, View } from '../../src/views.js';
import { limitViolations } from '../discord/limits-check.js';
import { realRoles } from '../helpers/assistant.js';
import { realInterview } from '../interview/real-interview.js';
import { fixedPlan, MIN, must, started, T0 } from '../interview/support.js';
import { checkMessage } from '../slack/limits.js';
import { oversizedInterviewViews } from './oversized-interview.js';

const reply = (view: View): Reply => ({ visibility: 'private', view });

/** Every platform's check of one view. */
function expectFits(view: View, where: string): void {
  checkMessage(renderSlack(reply(view)), where);
  expect(limitViolations(renderDiscord(reply(view))), where).toEqual([]);
  expect(renderConsole(reply(view), { color: false }).length, where).toBeGreaterThan(0);
}

describe('interview views over the real question bank', () => {
  it('every question as a card, with a pasted answer, every red flag and a note, fits every platform', async () => {
    const [role] = await realRoles();
    if (!role) throw new Error('no role');
    const ctx: InterviewViewContext = {
      roleTitle: role.title,
      questions: role.questions,
      mistakes: role.mistakes,
      actionId: (ref) => `devops|i|${Object.values(ref).join('|')}`,
    };
    const analyzer = createAnalyzer(role.synonyms);
    for (const q of role.questions) {
      let s = started(fixedPlan([q, q]), 'Candidate <!here>');
      const on = { question: q, now: T0 + MIN };
      s = must(pasteAnswer(s, on, q.answer, analyzer, { genericTerms: role.genericTerms }));
      s = must(setRedFlags(s, on, q.redFlags));
      s = must(setNote(s, on, `Note on ${q.id}: `.padEnd(1000, 'x')));
      for (const answerShown of [false, true]) {
        const view = cardView(ctx, s, T0 + 3 * MIN, { answerShown });
        if (!view) throw new Error(`no card for ${q.id}`);
        expectFits(view, `${q.id} answer ${answerShown ? 'shown' : 'hidden'}`);
        // Every box is tickable in Slack: at most 10 per question.
        const slack = renderSlack(reply(view)).blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => e.type === 'checkboxes') : []));
        expect(slack, q.id).toHaveLength(checklistsOf(view).length);
        expect(rowSelects(renderDiscord(reply(view)).components), q.id).toHaveLength(checklistsOf(view).length);
      }
    }
  });

  it('the plan, the scorecard and the list of a real interview fit every platform', async () => {
    const [role] = await realRoles();
    if (!role) throw new Error('no role');
    const ctx: InterviewViewContext = {
      roleTitle: role.title,
      questions: role.questions,
      mistakes: role.mistakes,
      actionId: (ref) => `devops|i|${Object.values(ref).join('|')}`,
    };
    const { session, card } = realInterview(role);
    expectFits(planView(ctx, { ...session, phase: 'planning' }), 'plan');
    expectFits(scorecardView(ctx, card), 'scorecard');
    expectFits(scorecardView(ctx, card, { shared: true }), 'shared scorecard');
    expectFits(
      listView(
        ctx,
        Array.from({ length: 10 }, (_, i) => ({ ...card, id: `card${i}` })),
        [session],
      ),
      'list',
    );
    // No mention survives into a Slack message (its checker refuses `<@`), the label was stripped too.
    expect(JSON.stringify(renderSlack(reply(scorecardView(ctx, card))))).not.toMatch(/U0CAND/);
  });
});

describe('oversized checklists', () => {
  const card = oversizedInterviewViews.find((v) => v.kind === 'interview-card');
  if (card?.kind !== 'interview-card') throw new Error('no oversized card');

  it('Slack: the first 10 usable boxes as checkboxes, ticked as the view says; the rest written out under them', () => {
    const message = renderSlack(reply(card));
    const [group] = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => e.type === 'checkboxes') : []));
    if (group?.type !== 'checkboxes') throw new Error('no checkbox group');
    expect(group.action_id).toBe(card.keyPoints.id);
    const usable = card.keyPoints.items.filter((i, n, all) => i.value.length <= 75 && all.findIndex((o) => o.value === i.value) === n).slice(0, 10);
    expect(group.options.map((o) => o.value)).toEqual(usable.map((i) => i.value));
    expect((group.initial_options ?? []).map((o) => o.value)).toEqual(usable.filter((i) => i.checked).map((i) => i.value));
    // What the boxes could not hold is written out under them (the message budget may still cut it here).
    const spelled = checklistBlocks(card.keyPoints, new Set()).at(-1);
    expect(spelled?.type === 'context' && spelled.elements[0]?.text.startsWith('☑')).toBe(true);
  });

  it('Discord: one multi-select per checklist, at most 25 options, no more ticked than may be, an id it would refuse left out', () => {
    const [points, flags] = rowSelects(renderDiscord(reply(card)).components);
    expect(points?.custom_id).toBe(card.keyPoints.id);
    expect(flags?.custom_id).toBe(card.redFlags?.id);
    expect(points?.options.length).toBeLessThanOrEqual(25);
    expect(points?.min_values).toBe(0);
    expect(points?.max_values).toBe(3);
    expect(points?.options.filter((o) => o.default)).toHaveLength(3);
    const emoji = oversizedInterviewViews.filter((v) => v.kind === 'interview-card')[1];
    if (!emoji) throw new Error('no second card');
    expect(rowSelects(renderDiscord(reply(emoji)).components)).toEqual([]);
  });

  it('the console numbers every box on across checklists, and `tick` reads those numbers back', () => {
    const text = renderConsole(reply(card), { color: false });
    const numbered = numberedItems(checklistsOf(card));
    expect(numbered).toHaveLength(120);
    expect(text).toMatch(/☐ +120\. /);
    expect(text).toMatch(/tick or untick and box numbers \(1 to 120\)/);
    const result = parseTickLine('tick 2, 61', checklistsOf(card));
    expect(result?.ok).toBe(false);
    if (result?.ok === false) expect(result.message).toMatch(/at most 3/);
  });
});
