/**
 * Who may see which scorecard: `list`, `show`, `share` and `delete` act on the
 * caller's own scorecards only. Someone else's id reads as not found, so ids
 * reveal nothing about interviews that are not yours.
 */
import type { Actor } from '../requests.js';
import { fail, ok, type Result } from './result.js';

/** What `list` shows by default. */
export const LIST_DEFAULT = 10;

type Owned = { readonly id: string; readonly author: Pick<Actor, 'platform' | 'id'>; readonly finished: number };

const mine = (user: Pick<Actor, 'platform' | 'id'>) => (card: Owned) => card.author.platform === user.platform && card.author.id === user.id;

/** The author's scorecards, newest first, at most `limit`. */
export function ownScorecards<T extends Owned>(cards: readonly T[], user: Pick<Actor, 'platform' | 'id'>, limit = LIST_DEFAULT): T[] {
  return cards
    .filter(mine(user))
    .sort((a, b) => b.finished - a.finished || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** The author's scorecard with this id; anyone else's reads as not found. */
export function ownScorecard<T extends Owned>(cards: readonly T[], id: string, user: Pick<Actor, 'platform' | 'id'>): Result<T> {
  const card = cards.find((c) => c.id === id.trim());
  return card && mine(user)(card) ? ok(card) : fail('not-found', `You have no scorecard "${id.trim()}". \`list\` shows yours.`);
}
