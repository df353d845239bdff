/**
 * What the question of the day keeps in the store, as versioned records
 * (RecordStore): one schedule per channel and role (kind `daily`, due at its
 * next run), one post per schedule and local date (`daily-post`, whose
 * creation with expected version 0 decides who posts), and one answer per
 * post and user (`daily-answer`, created once: one answer each). Every value
 * is validated on the way out of the store, as stored JSON is a boundary.
 */
import { z } from 'zod';
import { TIERS, type Tier } from '../content/schema.js';
import type { ChannelRef } from '../outbox.js';
import type { RecordStore, StoredRecord } from '../ports.js';
import { storedReplySchema } from '../private-reply.js';

export const SCHEDULE_KIND = 'daily';
export const POST_KIND = 'daily-post';
export const ANSWER_KIND = 'daily-answer';

/** Question ids a schedule remembers as served; beyond this the oldest are forgotten (a bank this big is never used up). */
export const SEEN_MAX = 1500;

const channelSchema = z.object({ platform: z.string().min(1), workspace: z.string().min(1), channel: z.string().min(1) });

const scheduleSchema = z.object({
  roleId: z.string().min(1),
  channel: channelSchema,
  hh: z.number().int().min(0).max(23),
  mm: z.number().int().min(0).max(59),
  tz: z.string().min(1),
  weekdaysOnly: z.boolean(),
  tier: z.enum([...TIERS, 'mixed']),
  /** Question ids posted here since the bank was last used up. */
  seen: z.array(z.string()).max(SEEN_MAX),
  /** The key of the latest post, revealed by the next one. */
  last: z.string().optional(),
  startedBy: z.string(),
  startedAt: z.number(),
  /** Why the latest post could not be made, for `status`. */
  lastError: z.object({ at: z.number(), message: z.string().max(500) }).optional(),
  /** The starter's private-reply handle (a credential), until the first post is made or refused (src/private-reply.ts). */
  replyTo: storedReplySchema.optional(),
});

/** A channel's question-of-the-day schedule. */
export type Schedule = z.infer<typeof scheduleSchema>;

const messageSchema = channelSchema.extend({ message: z.string().min(1), thread: z.string().optional() });

const postSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  questionId: z.string().min(1),
  /** Display order of the choices: 0 is the correct one. */
  order: z.array(z.number().int().min(0).max(3)).length(4),
  /** The bank was used up when this was picked, so the schedule's served list starts over with it. */
  restart: z.boolean(),
  /** claimed: a replica is posting it; posted: it is in the channel; failed: given up after a retry. */
  state: z.enum(['claimed', 'posted', 'failed']),
  claimedAt: z.number(),
  attempts: z.number().int().min(1),
  message: messageSchema.optional(),
  /** Set when the next day's post revealed it: no answer is taken after. */
  closed: z.object({ at: z.number(), answered: z.number().int().min(0), correct: z.number().int().min(0) }).optional(),
});

/** One day's post in one channel. */
export type Post = z.infer<typeof postSchema>;

const answerSchema = z.object({
  /** The position pressed, 0..3 (A..D) in the post's display order. */
  choice: z.number().int().min(0).max(3),
  correct: z.boolean(),
  points: z.number().int().min(0),
  at: z.number(),
});

/** One user's answer to one post. */
export type Answer = z.infer<typeof answerSchema>;

/** A stored record's value read as `T`; undefined with no record. Throws on a value that does not fit: stored data was corrupted. */
function readValue<T>(schema: z.ZodType<T>, record: StoredRecord | undefined): { value: T; version: number } | undefined {
  if (!record) return undefined;
  const parsed = schema.safeParse(record.value);
  if (!parsed.success) throw new Error(`${record.kind} record ${record.key.slice(0, 120)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { value: parsed.data, version: record.version };
}

export const readSchedule = (r: StoredRecord | undefined) => readValue(scheduleSchema, r);
export const readPost = (r: StoredRecord | undefined) => readValue(postSchema, r);
export const readAnswer = (r: StoredRecord | undefined) => readValue(answerSchema, r);

/** `slack:T123|C456|devops-engineer`: platform first, so one platform's runner lists only its own schedules by prefix. */
export function scheduleKey(channel: ChannelRef, roleId: string): string {
  return `${channel.platform}:${channel.workspace}|${channel.channel}|${roleId}`;
}

/** The prefix of every schedule of one platform. */
export function platformPrefix(platform: string): string {
  return `${platform}:`;
}

/** `<schedule key>|2026-12-02`: the idempotency key of one day's post. */
export function postKey(schedule: string, date: string): string {
  return `${schedule}|${date}`;
}

/** `<post key>|<user id>`: at most one answer per user per post. */
export function answerKey(post: string, userId: string): string {
  return `${post}|${userId}`;
}

/** The tier filter of a schedule. */
export function scheduleTier(s: Schedule): Tier | undefined {
  return s.tier === 'mixed' ? undefined : s.tier;
}

/**
 * Read-modify-write of a schedule with compare-and-set, retried when another
 * replica (or a `start`) wrote in between. `change` returns undefined to leave
 * it as it is. Resolves to the schedule as written, or undefined when it is gone.
 */
export async function updateSchedule(
  store: RecordStore,
  key: string,
  change: (s: Schedule) => Schedule | undefined,
  due: (s: Schedule) => number,
): Promise<Schedule | undefined> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const read = readSchedule(await store.getRecord(SCHEDULE_KIND, key));
    if (!read) return undefined;
    const next = change(read.value);
    if (!next) return read.value;
    const written = await store.putRecord(SCHEDULE_KIND, key, next, { expected: read.version, due: due(next) });
    if (written) return next;
  }
  throw new Error(`daily schedule ${key.slice(0, 120)}: kept changing under eight attempts to update it`);
}
