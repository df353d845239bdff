/**
 * The renderer contract: for every sample view (samples.ts) every renderer
 * (platforms.ts) shows what the view holds — title, note, footnote, content,
 * the feedback line by line, usage, rubric and interviewer notes — keeps a
 * card's model answer hidden until asked, and offers every action (label, and
 * the id a press sends where there are buttons). A renderer that drops part of
 * a view fails here, whichever platform it is.
 */
import { describe, expect, it } from 'vitest';
import { numberedItems } from '../../adapters/console/checklists.js';
import { checklistsOf } from '../../adapters/format/interview.js';
import type { PointFeedback, View } from '../../src/views.js';
import { type Expected, expectedButtons, expectedHidden, expectedShown } from './expected.js';
import { PLATFORMS, type Platform } from './platforms.js';
import { reply, type Sample, samples } from './samples.js';
import { labelWords, norm, type Shown } from './visible.js';

// Every kind of the View union: adding a kind fails to compile here until it is listed,
// and the fixture test below fails until it has a sample.
const KINDS = {
  role: true,
  card: true,
  'quiz-question': true,
  'quiz-summary': true,
  search: true,
  leaderboard: true,
  stats: true,
  help: true,
  notice: true,
  error: true,
  'interview-plan': true,
  'interview-card': true,
  'interview-scorecard': true,
  'interview-list': true,
  'challenge-question': true,
  'challenge-reveal': true,
  'challenge-standings': true,
  'daily-question': true,
  'daily-status': true,
} satisfies Record<View['kind'], true>;

const STATUSES = { covered: true, missed: true, negated: true, contradicted: true } satisfies Record<PointFeedback['status'], true>;

describe('the fixture', () => {
  const views = samples.map((s) => s.view);
  const feedback = views.flatMap((v) => ('feedback' in v && v.feedback ? [v.feedback] : []));

  it('has a sample of every view kind', () => {
    expect(new Set(views.map((v) => v.kind))).toEqual(new Set(Object.keys(KINDS)));
  });

  it('has every optional part the renderers must show', () => {
    const cards = views.filter((v) => v.kind === 'card');
    expect(cards.some((v) => v.answerShown) && cards.some((v) => !v.answerShown) && cards.some((v) => v.note)).toBe(true);
    const questions = views.filter((v) => v.kind === 'quiz-question');
    for (const mode of ['choice', 'text'] as const)
      expect(
        questions.some((v) => v.mode === mode && v.feedback && v.note),
        mode,
      ).toBe(true);
    const statuses = new Set(feedback.flatMap((f) => f.keyPoints ?? []).map((p) => p.status));
    expect(statuses).toEqual(new Set(Object.keys(STATUSES)));
    expect(feedback.some((f) => (f.contradictions?.length ?? 0) > 1 && f.capped && f.notes?.length)).toBe(true);
    for (const kind of ['search', 'quiz-summary'] as const)
      expect(
        views.some((v) => v.kind === kind && 'note' in v && v.note),
        kind,
      ).toBe(true);
    expect(views.some((v) => v.kind === 'error' && v.usage?.includes('\n'))).toBe(true);
    const interviewCards = views.filter((v) => v.kind === 'interview-card');
    expect(
      interviewCards.some((v) => v.answerShown) && interviewCards.some((v) => !v.answerShown && v.pasted && v.interviewerNote && v.redFlags && v.note),
    ).toBe(true);
    const boxes = interviewCards.flatMap((v) => checklistsOf(v).flatMap((l) => l.items));
    expect(boxes.some((i) => i.checked) && boxes.some((i) => !i.checked) && boxes.some((i) => i.hint) && boxes.some((i) => i.label.length > 100)).toBe(true);
    expect(views.some((v) => v.kind === 'interview-list' && v.rows.length > 0 && v.inProgress.length > 0)).toBe(true);
  });
});

/** Renders once per platform and sample, on first use inside a test. */
function shownOnce(platform: Platform, sample: Sample): () => Shown {
  let shown: Shown | undefined;
  return () => (shown ??= platform.show(reply(sample.view)));
}

const described = (list: readonly Expected[]) => list.map((e) => `${e.what}: ${e.text}`);

describe.each(PLATFORMS)('$name renderer', (platform) => {
  describe.each(samples)('$name', (sample) => {
    const shown = shownOnce(platform, sample);

    it('shows everything the view holds', () => {
      const text = norm(shown().text);
      const expected = expectedShown(sample.view);
      expect(expected.length).toBeGreaterThan(0);
      expect(described(expected.filter((e) => !text.includes(norm(e.text)))), 'not shown').toEqual([]);
    });

    it('keeps the model answer behind "Show answer"', () => {
      const text = norm(shown().text);
      expect(described(expectedHidden(sample.view).filter((e) => text.includes(norm(e.text)))), 'shown too early').toEqual([]);
    });

    it('offers every checklist box, ticked as the view says', () => {
      const { checklists } = shown();
      const lists = checklistsOf(sample.view);
      if (!platform.buttonId) {
        // The console numbers the boxes on across the view's checklists: `tick 3` must find box 3.
        const typed = checklists.flatMap((c) => c.items).map((i) => ({ value: i.value, checked: i.checked }));
        expect(typed).toEqual(numberedItems(lists).map((n) => ({ value: String(n.n), checked: n.item.checked })));
        return;
      }
      expect(checklists.map((c) => c.id)).toEqual(lists.map((l) => l.id));
      for (const [i, list] of lists.entries()) {
        expect(
          checklists[i]?.items.map((b) => [b.value, b.checked]),
          list.label,
        ).toEqual(list.items.map((b) => [b.value, b.checked]));
      }
    });

    it('offers every action', () => {
      const { buttons } = shown();
      for (const { action, choice } of expectedButtons(sample.view)) {
        if (!platform.buttonId) {
          // Typed words, not buttons: the choices are typed as their letters (checked as text above).
          if (!choice)
            expect(
              buttons.map((b) => labelWords(b.label)),
              action.label,
            ).toContain(labelWords(action.label));
          continue;
        }
        const id = platform.buttonId(action);
        const button = buttons.find((b) => b.id === id);
        expect(button, `button "${action.label}" with id ${id}`).toBeDefined();
        expect(labelWords(button?.label ?? ''), action.id).toBe(labelWords(action.label));
      }
    });
  });
});
