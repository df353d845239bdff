/** Views of a quiz: the current question (with feedback on the last one) and the summary. */
import { boardButtons, quizButtons } from '../commands/families/quiz-buttons.js';
import type { Question } from '../content/schema.js';
import type { QuizSession } from '../ports.js';
import type { RoleRuntime } from '../role-runtime.js';
import type { Action, AnswerFeedback, View } from '../views.js';
import { currentQuestionId } from './session.js';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
/** Longest free-text answer a form accepts (Slack's input limit). */
export const ANSWER_MAX = 3000;

/** The four choice texts in the session's display order. */
export function displayedChoices(q: Question, order: readonly number[]): string[] {
  const all = [q.choices.correct, ...q.choices.wrong];
  return order.map((i) => all[i] ?? '');
}

export function quizQuestionView(rt: RoleRuntime, session: QuizSession, feedback?: AnswerFeedback, note?: string): View {
  const id = currentQuestionId(session);
  const q = id ? rt.byId.get(id) : undefined;
  if (!q) throw new Error(`quiz ${session.id}: no question at index ${session.index}`);
  const prefix = rt.role.commandPrefix;
  const texts = displayedChoices(q, session.order);
  const choices =
    session.mode === 'choice'
      ? texts.map((text, i) => ({
          letter: LETTERS[i] ?? '?',
          text,
          actionId: quizButtons.id(prefix, { op: 'choice', sessionId: session.id, index: session.index, choice: i }),
        }))
      : [];
  const actions: Action[] = [];
  if (session.mode === 'text') {
    const answerId = quizButtons.id(prefix, { op: 'text', sessionId: session.id, index: session.index });
    actions.push({
      id: answerId,
      label: 'Answer',
      style: 'primary',
      prompt: {
        actionId: answerId,
        title: 'Your answer',
        label: 'Answer as you would in the interview',
        placeholder: 'Cover the key points, in your own words…',
        maxLength: ANSWER_MAX,
      },
    });
  }
  actions.push({ id: quizButtons.id(prefix, { op: 'skip', sessionId: session.id, index: session.index }), label: 'Skip' });
  actions.push({ id: quizButtons.id(prefix, { op: 'stop', sessionId: session.id }), label: 'Stop', style: 'danger' });
  return {
    kind: 'quiz-question',
    roleTitle: rt.role.title,
    mode: session.mode,
    review: session.review,
    progress: { number: session.index + 1, total: session.questionIds.length, points: session.points, streak: session.streak },
    question: { id: q.id, tier: q.tier, topics: q.topics, prompt: q.prompt },
    choices,
    ...(feedback ? { feedback } : {}),
    ...(note ? { note } : {}),
    actions,
  };
}

/** How the summary's figures are counted, beside the stats' (which count every answer ever given). */
export const SUMMARY_FOOTNOTE =
  'Correct counts this quiz only; a skipped question is not counted as answered here, but your stats count it as a miss. Best streak is the longest run of correct answers in this quiz.';

export function quizSummaryView(rt: RoleRuntime, session: QuizSession, stopped: boolean, feedback?: AnswerFeedback, note?: string): View {
  const prefix = rt.role.commandPrefix;
  const missed = session.answers.flatMap((a) => {
    const q = rt.byId.get(a.questionId);
    if (!q || a.outcome === 'correct') return [];
    return [{ id: q.id, tier: q.tier, prompt: q.prompt, modelAnswer: q.answer, outcome: a.outcome, ...(a.given ? { given: a.given } : {}) }];
  });
  const actions: Action[] = [
    {
      id: quizButtons.id(prefix, { op: 'new', tier: session.tier, count: Math.max(1, session.questionIds.length), mode: session.mode }),
      label: 'New quiz',
      style: 'primary',
    },
  ];
  if (missed.length > 0) actions.push({ id: quizButtons.id(prefix, { op: 'review' }), label: 'Review missed' });
  actions.push({ id: quizButtons.id(prefix, { op: 'stats' }), label: 'My stats' });
  actions.push({ id: boardButtons.id(prefix, { op: 'show', period: 'all' }), label: 'Leaderboard' });
  return {
    kind: 'quiz-summary',
    roleTitle: rt.role.title,
    review: session.review,
    stopped,
    total: session.answers.length,
    answered: session.answers.filter((a) => a.outcome !== 'skipped').length,
    correct: session.answers.filter((a) => a.outcome === 'correct').length,
    points: session.points,
    bestStreak: session.bestStreak,
    ...(feedback ? { feedback } : {}),
    ...(note ? { note } : {}),
    footnote: SUMMARY_FOOTNOTE,
    missed,
    actions,
  };
}
