import { describe, expect, it } from 'vitest';
import { scorecardJson, scorecardMarkdown } from '../../src/interview/export.js';
import { hasMention } from '../../src/interview/mentions.js';
import { loadRealRole } from '../search/real-role.js';
import { realInterview } from './real-interview.js';

const role = loadRealRole();

describe.skipIf(!role)('an interview over the real role', () => {
  if (!role) return;
  const { session, card } = realInterview(role);

  it('finishes with a scorecard whose numbers agree with the session', () => {
    expect(session.phase).toBe('finished');
    expect(card.candidate).toBe('Candidate 7');
    expect(card.questions).toHaveLength(session.plan.items.length);
    expect(card.questions[4]?.status).toBe('skipped');
    const asked = card.questions.filter((q) => q.status === 'asked');
    expect(card.overall.ticked).toBe(asked.reduce((n, q) => n + q.ticked.length, 0));
    for (const q of card.questions) expect(q.ticked.length + q.missed.length).toBe(q.total);
    expect(card.suggested).toBeDefined();
    for (const id of card.supporting) expect(asked.map((q) => q.id)).toContain(id);
  });

  it('pre-ticked what the pasted answers covered', () => {
    const graded = session.questions.filter((q) => q.graded);
    expect(graded.length).toBeGreaterThan(0);
    for (const q of graded) for (const i of q.graded?.preTicked ?? []) expect(q.ticked).toContain(i);
    expect(graded.some((q) => (q.graded?.preTicked.length ?? 0) > 0)).toBe(true);
  });

  it('exports Markdown and JSON with no mention in them', () => {
    const md = scorecardMarkdown(card, { roleTitle: role.title });
    expect(md.startsWith('# Interview scorecard: Candidate 7\n')).toBe(true);
    expect(hasMention(md)).toBe(false);
    expect(md).toContain('hesitated on trade-offs. cc @\u200bhere');
    const line = JSON.stringify(scorecardJson(card));
    expect(hasMention(JSON.parse(line).questions[2].note)).toBe(false);
  });
});
