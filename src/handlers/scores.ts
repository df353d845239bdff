/** `/<prefix>-quiz stats` and `leaderboard`: personal stats and per-space boards. */
import { boardButtons, quizButtons } from '../commands/families/quiz-buttons.js';
import { TIERS } from '../content/schema.js';
import type { Period, Tally } from '../ports.js';
import { dueForReview } from '../quiz/review.js';
import { accuracy, currentRecord } from '../stats/record.js';
import { isoWeek } from '../stats/week.js';
import type { AccuracyRow, Reply } from '../views.js';
import { type HandlerInput, stringValue } from './context.js';

export const LEADERBOARD_SIZE = 10;
/** A topic needs this many answers before it can be called a weak spot. */
const WEAK_MIN_ANSWERS = 2;

const row = (label: string, t: Tally): AccuracyRow => ({ label, answered: t.answered, correct: t.correct, accuracy: accuracy(t) });

export async function statsCommand(input: HandlerInput): Promise<Reply> {
  const { ctx, deps } = input;
  const now = deps.clock.now();
  const record = currentRecord(await deps.store.getUser(input.space, ctx.user.id), ctx.user.id, ctx.user.name, now);
  const byTier = TIERS.flatMap((t) => (record.byTier[t] ? [row(t, record.byTier[t])] : []));
  const byTopic = Object.entries(record.byTopic)
    .map(([topic, t]) => row(topic, t))
    .sort((a, b) => b.answered - a.answered || a.label.localeCompare(b.label));
  const weakest = byTopic
    .filter((r) => r.answered >= WEAK_MIN_ANSWERS && r.accuracy < 100)
    .sort((a, b) => a.accuracy - b.accuracy || b.answered - a.answered)
    .slice(0, 3);
  const prefix = input.rt.role.commandPrefix;
  const reviewDue = dueForReview(record.review, now).length;
  return {
    visibility: 'private',
    view: {
      kind: 'stats',
      roleTitle: input.rt.role.title,
      name: record.name,
      points: record.points,
      weekPoints: record.week.points,
      answered: record.answered,
      correct: record.correct,
      accuracy: accuracy(record),
      streak: record.streak,
      bestStreak: record.bestStreak,
      byTier,
      byTopic,
      weakest,
      reviewDue,
      footnote: STATS_FOOTNOTE,
      actions: [
        ...(reviewDue > 0 ? [{ id: quizButtons.id(prefix, { op: 'review' }), label: `Review ${reviewDue} missed` }] : []),
        { id: boardButtons.id(prefix, { op: 'show', period: 'all' }), label: 'Leaderboard' },
      ],
    },
  };
}

/** How the stats are counted, beside a quiz summary's (which count one quiz). */
export const STATS_FOOTNOTE =
  'Counts every answer you have given in this space: a skipped quiz question counts as answered wrong. Best streak is your longest run of correct answers across all quizzes.';

export async function leaderboard(input: HandlerInput, periodKind: 'all' | 'week', share: boolean, replace = false): Promise<Reply> {
  const now = input.deps.clock.now();
  const week = isoWeek(now);
  const period: Period = periodKind === 'week' ? { kind: 'week', week } : { kind: 'all' };
  const users = await input.deps.store.topUsers(input.space, period, LEADERBOARD_SIZE);
  const prefix = input.rt.role.commandPrefix;
  const other = periodKind === 'week' ? 'all' : 'week';
  return {
    visibility: share ? 'public' : 'private',
    ...(replace ? { replace } : {}),
    view: {
      kind: 'leaderboard',
      roleTitle: input.rt.role.title,
      period: periodKind,
      periodLabel: periodKind === 'week' ? `This week (${week})` : 'All time',
      rows: users.map((u, i) => {
        const t = periodKind === 'week' ? u.week : u;
        return { rank: i + 1, userId: u.userId, name: u.name, points: t.points, answered: t.answered, accuracy: accuracy(t) };
      }),
      actions: share
        ? []
        : [
            { id: boardButtons.id(prefix, { op: 'show', period: other }), label: other === 'week' ? 'This week' : 'All time' },
            { id: boardButtons.id(prefix, { op: 'share', period: periodKind }), label: 'Share to channel' },
          ],
    },
  };
}

export function leaderboardCommand(input: HandlerInput): Promise<Reply> {
  const period = stringValue(input.values, 'period') === 'week' ? 'week' : 'all';
  return leaderboard(input, period, input.values.share === true);
}
