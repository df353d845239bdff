/**
 * Button ids. A view's buttons carry everything needed to act on them, so the
 * adapters stay stateless; ids stay within Discord's 100-character custom_id.
 * Shape: `<prefix>|<area>|<op>|<args...>`; a flag is just `<prefix>|f|<questionId>`.
 */
import type { Tier } from './content/schema.js';

/** Everything a button can ask for, decoded. */
export type ActionRef =
  | { area: 'card'; op: 'open' | 'show' | 'another' | 'harder' | 'easier'; questionId: string; tier?: Tier; topic?: string }
  | { area: 'quiz'; op: 'choice'; sessionId: string; index: number; choice: number }
  | { area: 'quiz'; op: 'text' | 'skip'; sessionId: string; index: number }
  | { area: 'quiz'; op: 'stop'; sessionId: string }
  | { area: 'quiz'; op: 'new'; tier: Tier | 'mixed'; count: number; mode: 'choice' | 'text' }
  | { area: 'quiz'; op: 'review' | 'stats' }
  | { area: 'board'; op: 'show' | 'share'; period: 'all' | 'week' }
  | { area: 'role'; op: 'section'; section: string }
  /** Flag a question of the bank as bad, for review. */
  | { area: 'flag'; questionId: string }
  /** Dispute a free-text grade: the answer to `questionId` recorded at `at` (epoch ms). */
  | { area: 'dispute'; questionId: string; at: number };

export const MAX_ACTION_ID = 100;
const TIER_CODE = { basic: 'b', technical: 't', advanced: 'a', mixed: 'm' } as const;
const CODE_TIER: Record<string, Tier | 'mixed'> = { b: 'basic', t: 'technical', a: 'advanced', m: 'mixed' };
const SEP = '|';

// Topic text travels in the id; keep it short and free of the separator.
function cleanTopic(topic: string): string {
  return topic.replace(/[|\s]+/g, ' ').trim().slice(0, 24);
}

/** Encodes a button id for one role. */
export function encodeAction(prefix: string, ref: ActionRef): string {
  const parts: (string | number)[] = [prefix];
  switch (ref.area) {
    case 'card':
      parts.push('c', ref.op, ref.questionId, ref.tier ? TIER_CODE[ref.tier] : '', ref.topic ? cleanTopic(ref.topic) : '');
      break;
    case 'quiz':
      parts.push('z', ref.op);
      if (ref.op === 'choice') parts.push(ref.sessionId, ref.index, ref.choice);
      else if (ref.op === 'text' || ref.op === 'skip') parts.push(ref.sessionId, ref.index);
      else if (ref.op === 'stop') parts.push(ref.sessionId);
      else if (ref.op === 'new') parts.push(TIER_CODE[ref.tier], ref.count, ref.mode);
      break;
    case 'board':
      parts.push('b', ref.op, ref.period);
      break;
    case 'role':
      parts.push('r', ref.op, ref.section);
      break;
    case 'flag':
      parts.push('f', ref.questionId);
      break;
    case 'dispute':
      parts.push('d', ref.questionId, ref.at.toString(36));
      break;
  }
  const id = parts.join(SEP).replace(/\|+$/, '');
  return id.slice(0, MAX_ACTION_ID);
}

/** The role prefix of a button id, to route it; undefined when it isn't ours. */
export function actionPrefix(id: string): string | undefined {
  const at = id.indexOf(SEP);
  return at > 0 ? id.slice(0, at) : undefined;
}

const int = (s: string | undefined): number | undefined => (s !== undefined && /^\d{1,4}$/.test(s) ? Number(s) : undefined);

/** Decodes a button id; undefined for anything malformed or foreign. */
export function decodeAction(id: string): ActionRef | undefined {
  if (id.length > MAX_ACTION_ID) return undefined;
  const parts = id.split(SEP);
  const [, area, op, a, b, c] = parts;
  if (area === 'c') {
    if (op !== 'open' && op !== 'show' && op !== 'another' && op !== 'harder' && op !== 'easier') return undefined;
    if (!a) return undefined;
    const tier = b ? CODE_TIER[b] : undefined;
    return { area: 'card', op, questionId: a, ...(tier && tier !== 'mixed' ? { tier } : {}), ...(c ? { topic: c } : {}) };
  }
  if (area === 'z') {
    if (op === 'choice') {
      const index = int(b);
      const choice = int(c);
      return a && index !== undefined && choice !== undefined && choice < 4 ? { area: 'quiz', op, sessionId: a, index, choice } : undefined;
    }
    if (op === 'text' || op === 'skip') {
      const index = int(b);
      return a && index !== undefined ? { area: 'quiz', op, sessionId: a, index } : undefined;
    }
    if (op === 'stop') return a ? { area: 'quiz', op, sessionId: a } : undefined;
    if (op === 'new') {
      const tier = a ? CODE_TIER[a] : undefined;
      const count = int(b);
      return tier && count && (c === 'choice' || c === 'text') ? { area: 'quiz', op, tier, count, mode: c } : undefined;
    }
    if (op === 'review' || op === 'stats') return { area: 'quiz', op };
    return undefined;
  }
  if (area === 'b') {
    return (op === 'show' || op === 'share') && (a === 'all' || a === 'week') ? { area: 'board', op, period: a } : undefined;
  }
  if (area === 'r') return op === 'section' && a ? { area: 'role', op, section: a } : undefined;
  if (area === 'd') {
    const at = a && /^[0-9a-z]{1,11}$/.test(a) ? parseInt(a, 36) : NaN;
    return parts.length === 4 && op && Number.isSafeInteger(at) ? { area: 'dispute', questionId: op, at } : undefined;
  }
  // Exactly `<prefix>|f|<questionId>`: nothing may trail the id.
  if (area === 'f') return parts.length === 3 && op ? { area: 'flag', questionId: op } : undefined;
  return undefined;
}
