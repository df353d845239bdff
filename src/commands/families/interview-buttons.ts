/**
 * The interview family's buttons (`i`): the plan's, the question card's (with
 * its two checklists and forms), the scorecard's and the list's. Code and
 * field orders are fixed: ids already in chats must still decode.
 */
import type { InterviewActionRef } from '../../interview/view-context.js';
import { defineButtons, idText, smallInt } from '../buttons.js';

/** An interview button: the view context's ref, in the `interview` area. */
export type InterviewRef = InterviewActionRef extends infer R ? (R extends unknown ? R & { area: 'interview' } : never) : never;

const ON_PLAN = new Set(['start', 'swap', 'behavioural', 'resume']);
const ON_CARD = new Set(['next', 'skip', 'finish', 'note', 'paste', 'show', 'points', 'flags']);
const ON_SCORECARD = new Set(['open', 'share', 'delete', 'delete-confirm']);
/** Ids are short random base-36 strings; anything else is forged or foreign. */
const ID = /^[0-9a-z]{1,16}$/;
/** The longest channel label carried in a share confirmation. */
export const CHANNEL_ID_MAX = 40;

/** `<prefix>|i|<op>|<interview or scorecard id>|<index or channel>`. */
export const interviewButtons = defineButtons<InterviewRef>({
  area: 'interview',
  code: 'i',
  encode(ref) {
    switch (ref.op) {
      case 'start':
      case 'swap':
      case 'behavioural':
      case 'resume':
        return [ref.op, ref.interviewId];
      case 'next':
      case 'skip':
      case 'finish':
      case 'note':
      case 'paste':
      case 'show':
      case 'points':
      case 'flags':
        return [ref.op, ref.interviewId, ref.index];
      case 'open':
      case 'share':
      case 'delete':
      case 'delete-confirm':
        return [ref.op, ref.scorecardId];
      case 'share-confirm':
        return [ref.op, ref.scorecardId, ref.channel ? idText(ref.channel, CHANNEL_ID_MAX) : ''];
      case 'list':
        return [ref.op];
    }
  },
  decode(fields) {
    const [op, id, extra] = fields;
    if (op === 'list') return fields.length === 1 ? { area: 'interview', op } : undefined;
    if (!op || !id || !ID.test(id)) return undefined;
    if (ON_PLAN.has(op)) return fields.length === 2 ? ({ area: 'interview', op, interviewId: id } as InterviewRef) : undefined;
    if (ON_CARD.has(op)) {
      const index = smallInt(extra);
      return fields.length === 3 && index !== undefined ? ({ area: 'interview', op, interviewId: id, index } as InterviewRef) : undefined;
    }
    if (ON_SCORECARD.has(op)) return fields.length === 2 ? ({ area: 'interview', op, scorecardId: id } as InterviewRef) : undefined;
    if (op === 'share-confirm' && fields.length <= 3) {
      return { area: 'interview', op, scorecardId: id, ...(extra ? { channel: extra } : {}) };
    }
    return undefined;
  },
});
