import { describe, expect, it } from 'vitest';
import { actionHints, matchActionWord, renderReply } from '../../adapters/console/render.js';
import { neutralise, visibleLength } from '../../adapters/console/text.js';
import type { View } from '../../src/views.js';
import { samples } from '../renderers/samples.js';
import { cardActions, reply, sampleViews, textQuestionView } from './views.js';

const sample = (name: string): View => {
  const found = samples.find((s) => s.name === name);
  if (!found) throw new Error(`no sample named ${name}`);
  return found.view;
};

const plain = (view: View, width?: number) => renderReply(reply(view), { color: false, ...(width ? { width } : {}) });
// Any ESC at all means a sequence reached the terminal.
const ESC = '\u001b';

describe('renderReply', () => {
  it.each(Object.entries(sampleViews))('renders a %s view without colour codes', (_kind, view) => {
    const text = plain(view);
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(ESC);
    for (const line of text.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(100);
  });

  it('shows the content of each view kind', () => {
    expect(plain(sampleViews.role)).toMatch(/DevOps Engineer — Overview[\s\S]*• Build pipelines[\s\S]*\[skills\]/);
    const card = plain(sampleViews.card);
    expect(card).toMatch(/^Already at the hardest tier: another advanced question\.\nDevOps Engineer · advanced · kubernetes, debugging\n/);
    expect(card).toContain('CrashLoopBackOff');
    expect(card).toContain('[another] [harder] [easier] [show answer]');
    const quiz = plain(sampleViews['quiz-question']);
    expect(quiz).toContain('✗ Not quite.');
    expect(quiz).toContain('Correct: The smallest deployable unit');
    expect(quiz).toMatch(/Model answer:\n {4}A pod is[\s\S]*\n\nYou already have a quiz running here[\s\S]*question 2\/3/);
    expect(quiz).toMatch(/ {2}A\) Continuous integration\n {2}B\) Code inspection\n {2}C\) Container image\n {2}D\) Cloud infrastructure/);
    expect(quiz).toContain('Type A–D to answer, or: [skip] [stop]');
    const summary = plain(sampleViews['quiz-summary']);
    expect(summary).toMatch(/✓ Correct! \+12 points \(streak bonus \+2\)/);
    expect(summary).toContain('Score: 75/100');
    expect(summary).toContain('2/3 correct (3 questions)');
    expect(summary).toMatch(/bank changed[\s\S]*quiz finished[\s\S]*To review[\s\S]*Correct counts this quiz only[\s\S]*\[new quiz\]$/);
    expect(plain(sampleViews.search)).toMatch(
      /^Showing results for[\s\S]*search: "kubernets crashloop"[\s\S]* 1\. A pod is in CrashLoopBackOff \[Question · advanced\]/,
    );
    expect(plain(sampleViews.leaderboard)).toMatch(/1 {2}Ada\s+40\s+5\s+80%/);
    expect(plain(sampleViews.stats)).toMatch(/40 points \(12 this week\)[\s\S]*kubernetes\s+1\/2\s+50%[\s\S]*Counts every answer/);
    expect(plain(sampleViews.help)).toMatch(/\/devops-question \[tier\] \[topic\]\n {4}Ask one interview question\.\n {4}e\.g\. \/devops-question advanced/);
    expect(plain(sampleViews.help)).toMatch(/ {2}\/devops-quiz start \[tier\] \[count\] \[mode\]\n {2}\/devops-quiz answer/);
    expect(plain(sampleViews.notice)).toBe('Quiz stopped\nYour quiz was stopped.');
    expect(plain(sampleViews.error)).toBe('✗ Unknown tier "expert".\n  Usage: /devops-question [tier] [topic]');
  });

  it('shows a card like Slack and Discord: everything to listen for up front, the model answer once asked', () => {
    const hidden = plain(sample('card, answer hidden'));
    expect(hidden).toMatch(
      /Key points\n {2}• Previous container logs[\s\S]*Follow-ups\n {2}\? What if[\s\S]*Red flags\n {2}! Deleting the pod\n {4}Restarting[\s\S]*Rubric\n {2}• Junior: [\s\S]*Interviewer notes\n {2}• Since/,
    );
    expect(hidden).toMatch(/\(answer hidden\)\n\nType: \[another\]/);
    expect(hidden).not.toContain('Check logs of the previous container');
    const shown = plain(sample('card, answer shown, with a note'));
    expect(shown).toMatch(/Interviewer notes[\s\S]*\nAnswer\n {2}Check logs of the previous container[^\n]*\n {2}\(Model answer from the role document\)/);
  });

  it('shows each key point verdict, wrong claim and cap of a free-text grade, coloured by verdict', () => {
    const text = plain(sample('quiz question, text, graded feedback and a note'));
    expect(text).toMatch(/Score: 75\/100\n {2}Key points:\n {4}✓ Two identical environments — heard “two environments”\n/);
    expect(text).toContain('    ⊘ Instant rollback — you said “no rollback” in the negative, so it does not count');
    expect(text).toContain('    ⚠ You said to test in production: test the idle side first.');
    expect(text).toContain('    ℹ Capped at 60: the answer reads as a list of keywords.');
    expect(text).toMatch(/Interviewer notes:\n {4}• Mention schema changes/);
    const coloured = renderReply(reply(sample('quiz question, text, graded feedback and a note')), { color: true });
    expect(coloured).toContain(`${ESC}[32m    ✓ Two identical`);
    expect(coloured).toContain(`${ESC}[31m    ✗ Database compatibility`);
  });

  it('hints a free-text question as typing the answer', () => {
    const view = textQuestionView(1500);

    expect(plain(view)).toContain('Type your answer, or: [skip]');
  });

  it('colours only when asked', () => {
    expect(renderReply(reply(sampleViews.card), { color: true })).toContain(`${ESC}[1m`);
    expect(plain(sampleViews.card)).not.toContain(ESC);
  });

  it('wraps long text to the width with a hanging indent', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const text = plain({ kind: 'notice', title: 'T', text: `${long} ${'x'.repeat(150)}`, actions: [] }, 60);
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(text.replace(/\n/g, ' ')).toContain('word0 word1');
  });

  it('neutralises control characters and escape sequences in user text', () => {
    const evil = 'Eve\u001b[2J\u001b]0;pwned\u0007\r\u0008\u009b31m\u202eevil';
    const views: View[] = [
      {
        ...(sampleViews.leaderboard as Extract<View, { kind: 'leaderboard' }>),
        rows: [{ rank: 1, userId: 'u', name: evil, points: 1, answered: 1, accuracy: 100 }],
      },
      { ...(sampleViews.search as Extract<View, { kind: 'search' }>), query: evil },
      { ...(sampleViews.stats as Extract<View, { kind: 'stats' }>), name: evil },
      {
        ...(sampleViews['quiz-summary'] as Extract<View, { kind: 'quiz-summary' }>),
        feedback: { ...(sampleViews['quiz-summary'] as Extract<View, { kind: 'quiz-summary' }>).feedback!, given: evil },
      },
      { kind: 'error', code: 'bad-arguments', message: evil },
    ];
    for (const view of views) {
      for (const color of [false, true]) {
        const text = renderReply(reply(view), { color });
        // With colour on, the only escapes are our own SGR codes.
        const foreign = text.replace(/\u001b\[(?:1|2|22|3[1-9])m/g, '');
        expect(foreign).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
        expect(text).toContain('␛[2J');
      }
    }
  });

  it('neutralise keeps newlines and makes controls visible', () => {
    expect(neutralise('a\r\nb\tc\u0000\u007f\u0085')).toBe('a\nb  c␀␡\ufffd');
  });
});

describe('action words', () => {
  it('derives the word to type from the label', () => {
    expect(actionHints(cardActions).map((h) => h.word)).toEqual(['another', 'harder', 'easier', 'show']);
    expect(matchActionWord('show', cardActions)?.id).toBe('x|c|show|q1');
    expect(matchActionWord('Show answer', cardActions)?.id).toBe('x|c|show|q1');
    expect(matchActionWord('  HARDER ', cardActions)?.id).toBe('x|c|harder|q1');
    expect(matchActionWord('sh', cardActions)).toBeUndefined();
    expect(matchActionWord('answer', cardActions)?.id).toBe('x|c|show|q1');
    expect(matchActionWord('stats', [{ id: 's', label: 'My stats' }])?.id).toBe('s');
  });

  it('requires the whole label when two labels share a first word, and ignores symbols', () => {
    const actions = [
      { id: '1', label: '🏆 This week' },
      { id: '2', label: 'This month' },
      { id: '3', label: '⬆ Harder' },
    ];
    expect(actionHints(actions).map((h) => h.word)).toEqual(['this week', 'this month', 'harder']);
    expect(matchActionWord('this', actions)).toBeUndefined();
    expect(matchActionWord('month', actions)?.id).toBe('2');
    const open = [
      { id: 'o1', label: 'Open #1' },
      { id: 'o2', label: 'Open #2' },
    ];
    expect(actionHints(open).map((h) => h.word)).toEqual(['open 1', 'open 2']);
    expect(matchActionWord('open #2', open)?.id).toBe('o2');
    expect(matchActionWord('2', open)?.id).toBe('o2');
    expect(matchActionWord('this month', actions)?.id).toBe('2');
    expect(matchActionWord('harder', actions)?.id).toBe('3');
  });
});
