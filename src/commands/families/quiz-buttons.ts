/**
 * The quiz family's buttons: quiz steps (`z`), leaderboards (`b`) and
 * "I think I was right" under a graded answer (`d`). Codes and field orders
 * are fixed: ids already in chats must still decode.
 */
import type { Tier } from '../../content/schema.js';
import { defineButtons, smallInt, tierCode, tierOfCode } from '../buttons.js';

/** A quiz button: answer, answer in words (a form), skip, stop, a new quiz, review, stats. */
export type QuizRef =
  | { area: 'quiz'; op: 'choice'; sessionId: string; index: number; choice: number }
  | { area: 'quiz'; op: 'text' | 'skip'; sessionId: string; index: number }
  | { area: 'quiz'; op: 'stop'; sessionId: string }
  | { area: 'quiz'; op: 'new'; tier: Tier | 'mixed'; count: number; mode: 'choice' | 'text' }
  | { area: 'quiz'; op: 'review' }
  | { area: 'quiz'; op: 'stats' };
/** A leaderboard button: show a period, or share it to the channel. */
export type BoardRef = { area: 'board'; op: 'show' | 'share'; period: 'all' | 'week' };
/** Dispute a free-text grade: the answer to `questionId` recorded at `at` (epoch ms). */
export type DisputeRef = { area: 'dispute'; questionId: string; at: number };

/** `<prefix>|z|<op>|...`: the fields each op needs, in order. */
export const quizButtons = defineButtons<QuizRef>({
  area: 'quiz',
  code: 'z',
  encode(ref) {
    switch (ref.op) {
      case 'choice':
        return [ref.op, ref.sessionId, ref.index, ref.choice];
      case 'text':
      case 'skip':
        return [ref.op, ref.sessionId, ref.index];
      case 'stop':
        return [ref.op, ref.sessionId];
      case 'new':
        return [ref.op, tierCode(ref.tier), ref.count, ref.mode];
      case 'review':
      case 'stats':
        return [ref.op];
    }
  },
  decode([op, a, b, c]) {
    switch (op) {
      case 'choice': {
        const index = smallInt(b);
        const choice = smallInt(c);
        return a && index !== undefined && choice !== undefined && choice < 4 ? { area: 'quiz', op, sessionId: a, index, choice } : undefined;
      }
      case 'text':
      case 'skip': {
        const index = smallInt(b);
        return a && index !== undefined ? { area: 'quiz', op, sessionId: a, index } : undefined;
      }
      case 'stop':
        return a ? { area: 'quiz', op, sessionId: a } : undefined;
      case 'new': {
        const tier = tierOfCode(a);
        const count = smallInt(b);
        return tier && count && (c === 'choice' || c === 'text') ? { area: 'quiz', op, tier, count, mode: c } : undefined;
      }
      case 'review':
      case 'stats':
        return { area: 'quiz', op };
      default:
        return undefined;
    }
  },
});

/** `<prefix>|b|<show|share>|<all|week>`. */
export const boardButtons = defineButtons<BoardRef>({
  area: 'board',
  code: 'b',
  encode: (ref) => [ref.op, ref.period],
  decode: ([op, period]) => ((op === 'show' || op === 'share') && (period === 'all' || period === 'week') ? { area: 'board', op, period } : undefined),
});

/** Exactly `<prefix>|d|<questionId>|<at in base 36>`. */
export const disputeButtons = defineButtons<DisputeRef>({
  area: 'dispute',
  code: 'd',
  encode: (ref) => [ref.questionId, ref.at.toString(36)],
  decode(fields) {
    const [questionId, time] = fields;
    const at = time && /^[0-9a-z]{1,11}$/.test(time) ? parseInt(time, 36) : NaN;
    return fields.length === 2 && questionId && Number.isSafeInteger(at) ? { area: 'dispute', questionId, at } : undefined;
  },
});
