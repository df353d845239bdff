/**
 * What every renderer must show of a view, read off the view itself: its
 * title, note, footnote, content, the feedback line by line, usage, rubric and
 * notes, and what it must keep hidden (the model answer until "Show answer").
 * Wording comes from adapters/format where the renderers must share it.
 */
import { gradeLines, rubricLines, sourceLabel } from '../../adapters/format/grading.js';
import { checklistsOf, coverageText, pastedLines } from '../../adapters/format/interview.js';
import { usageLines } from '../../adapters/format/words.js';
import { type Action, type AnswerFeedback, RESULT_KIND_LABELS, type View } from '../../src/views.js';
import { challengeExpected } from './challenge-expected.js';
import { dailyExpected } from './daily-samples.js';

/** One thing to find in what was shown, with what it is for the failure message. */
export interface Expected {
  what: string;
  text: string;
}

const each = (what: string, items: readonly (string | undefined)[]): Expected[] =>
  items.filter((text): text is string => text !== undefined && text.trim() !== '').map((text) => ({ what, text }));

/** A field a view may carry though its type does not declare it (yet). */
function optional(view: View, name: 'note' | 'footnote'): string | undefined {
  const value = (view as { [field: string]: unknown })[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every line of feedback on the last answer. */
export function feedbackExpected(f: AnswerFeedback): Expected[] {
  const verdicts = gradeLines(f);
  const points = f.keyPoints?.length ?? (f.covered?.length ?? 0) + (f.missed?.length ?? 0);
  const claims = f.contradictions?.length ?? 0;
  return [
    ...each('feedback prompt', [f.prompt]),
    ...each('answer given', [f.outcome === 'skipped' ? undefined : f.given]),
    ...each('correct choice', [f.outcome === 'correct' ? undefined : f.correctChoice]),
    ...each('score', [f.score === undefined ? undefined : `${Math.round(f.score)}/100`]),
    ...each('key point verdict', verdicts.slice(0, points)),
    ...each('contradiction', verdicts.slice(points, points + claims)),
    ...each('cap', verdicts.slice(points + claims)),
    ...each('feedback model answer', [f.modelAnswer]),
    ...each('feedback interviewer note', f.notes ?? []),
  ];
}

function kindExpected(view: View): Expected[] {
  switch (view.kind) {
    case 'role':
      return [
        ...each('title', [view.roleTitle, view.title, view.lead]),
        ...each('tag', view.tags ?? []),
        ...view.sections.flatMap((s) => [...each('section', [s.title, s.text]), ...each('bullet', s.bullets ?? [])]),
      ];
    case 'card': {
      const q = view.question;
      return [
        ...each('title', [view.roleTitle, q.prompt]),
        ...each('key point', q.keyPoints),
        ...each('follow-up', q.followUps),
        ...q.redFlags.flatMap((f) => each('red flag', [f.title, f.text])),
        ...each('rubric', rubricLines(q.rubric)),
        ...each('interviewer note', q.notes),
        ...(view.answerShown ? each('model answer', [q.answer, sourceLabel(q.source)]) : []),
      ];
    }
    case 'quiz-question':
      return [
        ...each('title', [view.roleTitle, view.question.prompt]),
        ...each(
          'choice',
          view.choices.map((c) => c.text),
        ),
      ];
    case 'quiz-summary':
      return [
        ...each('title', [view.roleTitle]),
        ...view.missed.flatMap((m) => each('missed question', [m.prompt, m.outcome === 'wrong' ? m.given : undefined, m.modelAnswer])),
      ];
    case 'search':
      return [...each('title', [view.roleTitle, view.query]), ...view.results.flatMap((r) => each('result', [r.title, r.snippet, RESULT_KIND_LABELS[r.kind]]))];
    case 'leaderboard':
      return [...each('title', [view.roleTitle, view.periodLabel]), ...view.rows.flatMap((r) => each('row', [r.name, String(r.points)]))];
    case 'stats':
      return [
        ...each('title', [view.roleTitle, view.name]),
        ...each(
          'accuracy row',
          [...view.byTier, ...view.byTopic, ...view.weakest].map((r) => r.label),
        ),
      ];
    case 'help':
      return [
        ...each('title', [view.title]),
        ...view.commands.flatMap((c) => [
          ...each('command', [c.name, c.description]),
          ...each('usage', usageLines(c.name, c.usage)),
          ...each('example', c.examples),
        ]),
      ];
    case 'notice':
      return each('title', [view.title, view.text]);
    case 'error':
      return [...each('title', [view.message]), ...each('usage', view.usage?.split('\n') ?? [])];
    case 'challenge-question':
    case 'challenge-reveal':
    case 'challenge-standings':
      return challengeExpected(view);
    case 'daily-question':
    case 'daily-status':
      return dailyExpected(view);
    default:
      return interviewExpected(view);
  }
}

/** What an interview view must show: the wording shared with the renderers comes from adapters/format/interview.ts. */
function interviewExpected(view: Extract<View, { kind: `interview-${string}` }>): Expected[] {
  switch (view.kind) {
    case 'interview-plan':
      return [
        ...each('title', [view.roleTitle, view.candidate, view.summary]),
        ...view.items.flatMap((i) => [...each('plan question', [i.prompt]), ...each('plan topic', i.topics), ...each('plan minutes', [`${i.minutes} min`])]),
        ...each('plan note', view.notes),
      ];
    case 'interview-card': {
      const q = view.question;
      return [
        ...each('title', [view.roleTitle, view.candidate, q.prompt, view.timer]),
        ...checklistsOf(view).flatMap((list) => [
          ...each('checklist', [list.label]),
          ...each(
            'checklist item',
            list.items.map((i) => i.label),
          ),
        ]),
        ...each('red flag detail', view.redFlags?.items.map((i) => i.detail) ?? []),
        ...each('follow-up', q.followUps),
        ...each('rubric', rubricLines(q.rubric)),
        ...each('interviewer note', q.notes),
        ...each('pasted verdict', view.pasted ? [`${Math.round(view.pasted.score)}/100`, ...pastedLines(view.pasted)] : []),
        ...each('your note', [view.interviewerNote]),
        ...(view.answerShown ? each('model answer', [q.answer]) : []),
      ];
    }
    case 'interview-scorecard':
      return [
        ...each('title', [view.roleTitle, view.candidate, view.interviewer, view.evidence, view.when, view.id]),
        ...view.questions.flatMap((q) => [
          ...each('question', [q.prompt, q.evidence, q.rubric, q.interviewerNote]),
          ...each('key point heard', q.heard),
          ...each('key point missed', q.missed),
          ...each('red flag heard', q.redFlags),
        ]),
        ...each('coverage', view.coverage.map(coverageText)),
        ...each('probe', view.probe),
        ...each('plan note', view.notes),
      ];
    case 'interview-list':
      return [
        ...each('title', [view.roleTitle]),
        ...view.rows.flatMap((r) => each('scorecard', [r.candidate, r.id, r.when])),
        ...view.inProgress.flatMap((r) => each('interview in progress', [r.candidate, r.id, r.progress])),
      ];
  }
}

/** Everything a renderer must show of `view`. */
export function expectedShown(view: View): Expected[] {
  const feedback = 'feedback' in view ? view.feedback : undefined;
  return [
    ...each('note', [optional(view, 'note')]),
    ...each('footnote', [optional(view, 'footnote')]),
    ...(feedback ? feedbackExpected(feedback) : []),
    ...kindExpected(view),
  ];
}

/** What a renderer must not show of `view`: a card's model answer before "Show answer". */
export function expectedHidden(view: View): Expected[] {
  if (view.kind === 'interview-card' && !view.answerShown) return each('hidden model answer', [view.question.answer]);
  if (view.kind !== 'card' || view.answerShown) return [];
  return each('hidden model answer', [view.question.answer, sourceLabel(view.question.source)]);
}

/** A button a view offers: one of its actions, or a multiple-choice answer (pressed like one). */
export interface ExpectedButton {
  action: Action;
  choice: boolean;
}

/** The buttons a view offers: a multiple-choice question's choices, then its actions. */
export function expectedButtons(view: View): ExpectedButton[] {
  const choices = view.kind === 'quiz-question' ? view.choices.map((c) => ({ action: { id: c.actionId, label: `${c.letter}. ${c.text}` }, choice: true })) : [];
  const actions = 'actions' in view ? view.actions.map((action) => ({ action, choice: false })) : [];
  return [...choices, ...actions];
}
