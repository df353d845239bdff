/**
 * The challenge family's buttons (`g`, for game): an answer to one question of
 * one challenge, and a rematch with the same settings. The answer carries the
 * question id too, so a click on a long-finished challenge can still say what
 * the answer was. Code and field orders are fixed: ids already in chats must
 * still decode.
 */
import type { Tier } from '../../content/schema.js';
import { defineButtons, smallInt, tierCode, tierOfCode } from '../buttons.js';

/** A challenge button: answer `choice` (display position 0..3) to question `index`; or a rematch. */
export type ChallengeRef =
  | { area: 'challenge'; op: 'answer'; challengeId: string; index: number; choice: number; questionId: string }
  | { area: 'challenge'; op: 'rematch'; tier: Tier | 'mixed'; count: number; seconds: number }
  /** The leaderboard, privately, leaving the public standings it was pressed on as they are. */
  | { area: 'challenge'; op: 'board' };

const CHALLENGE_ID = /^[0-9a-z]{1,16}$/;
const QUESTION_ID = /^[a-z0-9-]{1,48}$/;

/** `<prefix>|g|a|<challenge>|<index>|<choice>|<question>`, `<prefix>|g|r|<tier>|<count>|<seconds>` or `<prefix>|g|l`. */
export const challengeButtons = defineButtons<ChallengeRef>({
  area: 'challenge',
  code: 'g',
  encode(ref) {
    if (ref.op === 'answer') return ['a', ref.challengeId, ref.index, ref.choice, ref.questionId];
    return ref.op === 'rematch' ? ['r', tierCode(ref.tier), ref.count, ref.seconds] : ['l'];
  },
  decode([op, a, b, c, d]) {
    if (op === 'a') {
      const index = smallInt(b);
      const choice = smallInt(c);
      return a && CHALLENGE_ID.test(a) && index !== undefined && choice !== undefined && choice < 4 && d && QUESTION_ID.test(d)
        ? { area: 'challenge', op: 'answer', challengeId: a, index, choice, questionId: d }
        : undefined;
    }
    if (op === 'r') {
      const tier = tierOfCode(a);
      const count = smallInt(b);
      const seconds = smallInt(c);
      return tier && count && seconds ? { area: 'challenge', op: 'rematch', tier, count, seconds } : undefined;
    }
    return op === 'l' ? { area: 'challenge', op: 'board' } : undefined;
  },
});
