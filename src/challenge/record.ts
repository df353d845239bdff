/**
 * What a channel challenge keeps in the store, validated on the way out (the
 * store keeps records as given). One `challenge` record per channel, whose
 * `due` is when its next step must run (the current question's deadline, or
 * now for a post still to make); one `challenge-answer` record per player per
 * question, written with `expected: 0` so a player answers once and answers
 * never contend with the challenge record itself.
 */
import { z } from 'zod';
import { TIERS } from '../content/schema.js';
import type { ChannelRef } from '../outbox.js';
import type { RecordStore, StoredRecord } from '../ports.js';
import { storedReplySchema } from '../private-reply.js';
import type { RequestContext } from '../requests.js';

export const CHALLENGE_KIND = 'challenge';
export const ANSWER_KIND = 'challenge-answer';
/** Challenge id → its record's key, so a click in a thread (a channel of its own on Discord) finds its challenge. */
export const REF_KIND = 'challenge-ref';

export const DEFAULT_COUNT = 5;
export const MAX_COUNT = 20;
export const DEFAULT_SECONDS = 30;
export const MIN_SECONDS = 10;
export const MAX_SECONDS = 120;
/** Names of right answers kept per reveal; the rest are counted. */
export const RIGHT_KEPT = 25;
/** Longest display name kept (names are shown, never used to mention). */
export const NAME_MAX = 80;

const channelSchema = z.object({ platform: z.string().min(1), workspace: z.string().min(1), channel: z.string().min(1) });
const messageSchema = channelSchema.extend({ message: z.string().min(1), thread: z.string().min(1).optional() });

/** A player's running totals in one challenge. */
const scoreSchema = z.object({ name: z.string(), correct: z.number().int().min(0), points: z.number().int().min(0), answered: z.number().int().min(0) });

/** What the reveal of one question found, kept so a retried update shows exactly the same. */
const tallySchema = z.object({
  counts: z.array(z.number().int().min(0)).length(4),
  answered: z.number().int().min(0),
  /** Names of the first who were right, in answer order (capped, so a crowded channel's record stays small), and how many were. */
  right: z.array(z.string()).max(RIGHT_KEPT),
  rightCount: z.number().int().min(0),
  fastest: z.object({ name: z.string(), ms: z.number().int().min(0) }).optional(),
});

/**
 * Where a challenge stands:
 * - `next`: question `index + 1` (or the standings, after the last or once stopped) is still to post; due now.
 * - `asking`: question `index` is open until `deadline`; due at the deadline (plus a grace).
 * - `reveal`: question `index` was scored (points recorded); its message is still to update in place; due now.
 * - `done`: over; kept so late clicks can be told the answer, and replaced by the next challenge here.
 */
export const PHASES = ['next', 'asking', 'reveal', 'done'] as const;

export const challengeSchema = z.object({
  id: z.string().regex(/^[0-9a-z]{1,16}$/),
  roleId: z.string().min(1),
  /** The store space whose leaderboards and stats the points go to. */
  space: z.string().min(1),
  channel: channelSchema,
  starter: z.object({ id: z.string().min(1), name: z.string() }),
  tier: z.enum([...TIERS, 'mixed']),
  seconds: z.number().int().min(MIN_SECONDS).max(MAX_SECONDS),
  questionIds: z.array(z.string().min(1)).min(1).max(MAX_COUNT),
  /** The current question, 0-based; -1 before the first is posted. */
  index: z.number().int().min(-1),
  phase: z.enum(PHASES),
  /** When the current question was posted and when it closes (epoch ms). */
  openedAt: z.number().int(),
  deadline: z.number().int(),
  /** The first message (question 1), under which the rest goes in a thread. */
  root: messageSchema.optional(),
  /** The thread for follow-ups; null once the platform said threads are not possible here. */
  thread: z.string().min(1).nullable().optional(),
  /** The current question's message, updated in place at its reveal. */
  message: messageSchema.optional(),
  scores: z.record(z.string(), scoreSchema),
  tally: tallySchema.optional(),
  stopped: z.object({ name: z.string() }).optional(),
  /** Until when one replica holds the current outbox step (epoch ms); another takes over after. */
  lease: z.object({ until: z.number().int(), token: z.string().min(1) }).optional(),
  /** Outbox failures in a row on the current step, for the back-off and the give-up. */
  attempts: z.number().int().min(0),
  /** Why the challenge ended early (the bot could not post here). */
  failed: z.string().optional(),
  /** The starter's private-reply handle (a credential), until the first question is posted or refused (src/private-reply.ts). */
  replyTo: storedReplySchema.optional(),
  createdAt: z.number().int(),
  endedAt: z.number().int().optional(),
});
export type Challenge = z.infer<typeof challengeSchema>;
export type Tally = z.infer<typeof tallySchema>;

export const answerSchema = z.object({
  userId: z.string().min(1),
  name: z.string(),
  /** Display position chosen, 0..3 (A..D). */
  choice: z.number().int().min(0).max(3),
  correct: z.boolean(),
  /** When it was given, epoch ms. */
  at: z.number().int(),
});
export type ChallengeAnswer = z.infer<typeof answerSchema>;

/** The channel a request came from, as the outbox names it. */
export function channelOf(ctx: RequestContext): ChannelRef {
  return { platform: ctx.user.platform, workspace: ctx.space, channel: ctx.conversation };
}

/** The challenge record's key: one per channel, found per platform by prefix. */
export function challengeKey(channel: ChannelRef): string {
  return `${channel.platform}|${channel.workspace}|${channel.channel}`;
}

/** The answer record's key: one per player per question. */
export function answerKey(challengeId: string, index: number, userId: string): string {
  return `${challengeId}|${index}|${userId}`;
}

/** A stored challenge with the version it was read at; undefined when the value is not a challenge (logged by the caller). */
export interface ReadChallenge {
  challenge: Challenge;
  version: number;
}

/** Validates a stored record as a challenge. */
export function parseChallenge(record: StoredRecord): ReadChallenge | undefined {
  const parsed = challengeSchema.safeParse(record.value);
  return parsed.success ? { challenge: parsed.data, version: record.version } : undefined;
}

/** The challenge in a channel, if any (a record that does not parse counts as none: it is overwritten by the next start). */
export async function readChallenge(
  store: RecordStore,
  channel: ChannelRef,
): Promise<(ReadChallenge & { raw: StoredRecord }) | { raw: StoredRecord } | undefined> {
  const raw = await store.getRecord(CHALLENGE_KIND, challengeKey(channel));
  if (!raw) return undefined;
  const read = parseChallenge(raw);
  return read ? { ...read, raw } : { raw };
}

/** Every valid answer to one question, in answer order (ties by user id). */
export async function answersTo(store: RecordStore, challengeId: string, index: number): Promise<ChallengeAnswer[]> {
  const records = await store.listRecords(ANSWER_KIND, { prefix: `${challengeId}|${index}|` });
  return records
    .flatMap((r) => {
      const parsed = answerSchema.safeParse(r.value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.at - b.at || a.userId.localeCompare(b.userId));
}

/** The challenge a button names, by id, wherever it was clicked; undefined when it is gone or another has replaced it. */
export async function challengeById(store: RecordStore, id: string): Promise<(ReadChallenge & { key: string }) | undefined> {
  const ref = await store.getRecord(REF_KIND, id);
  const key = z.object({ key: z.string().min(1) }).safeParse(ref?.value);
  if (!key.success) return undefined;
  const raw = await store.getRecord(CHALLENGE_KIND, key.data.key);
  const read = raw ? parseChallenge(raw) : undefined;
  return read && read.challenge.id === id ? { ...read, key: key.data.key } : undefined;
}

/** A copy of `value` without `field`: stored records hold JSON, which has no `undefined`. */
export function without<T extends object, K extends keyof T>(value: T, ...fields: K[]): Omit<T, K> {
  const out = { ...value };
  for (const f of fields) delete out[f];
  return out;
}

/** Whether a challenge still occupies its channel. */
export function isRunning(challenge: Challenge): boolean {
  return challenge.phase !== 'done';
}
