/**
 * `/<prefix>-challenge`: start a public round in the channel, stop it, and the
 * standings' Rematch button. Starting only writes the challenge record, due
 * now: the ticker posts the first question within a second, through the
 * platform's outbox, so every post of a challenge goes the same way.
 */

import { messageLink } from '../challenge/link.js';
import {
  CHALLENGE_KIND,
  type Challenge,
  challengeKey,
  challengeSchema,
  channelOf,
  DEFAULT_COUNT,
  DEFAULT_SECONDS,
  isRunning,
  MAX_COUNT,
  MAX_SECONDS,
  MIN_SECONDS,
  NAME_MAX,
  parseChallenge,
  REF_KIND,
  readChallenge,
} from '../challenge/record.js';
import type { Tier } from '../content/schema.js';
import { keepReply } from '../private-reply.js';
import { filterQuestions, pickMany } from '../questions/pick.js';
import { randomId } from '../random.js';
import type { Reply } from '../views.js';
import { commandName, errorReply, type HandlerInput, numberValue, stringValue } from './context.js';

/**
 * A challenge not done whose record has been overdue this long is taken as
 * abandoned (nothing is running the ticker for its platform), so a new start
 * may replace it rather than the channel being blocked for good.
 */
export const ABANDONED_MS = 10 * 60 * 1000;

interface Settings {
  tier: Tier | 'mixed';
  count: number;
  seconds: number;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

/** Says a challenge is running here, with a link to its first message where the platform has links. */
function running(input: HandlerInput, c: Challenge): Reply {
  const link = c.root ? messageLink(c.root) : undefined;
  const where = c.index < 0 ? 'its first question is being posted' : `question ${c.index + 1} of ${c.questionIds.length} is on`;
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      title: 'A challenge is already running here',
      text: `${c.starter.name} started one: ${where}${link ? ` (${link})` : ''}. One challenge runs per channel at a time: join in, or start yours once it ends. ${commandName(input, 'challenge')} stop ends it (for its starter or a channel manager).`,
      actions: [],
    },
  };
}

/** Starts a challenge in the request's channel, unless one runs there. */
export async function beginChallenge(input: HandlerInput, settings: Settings): Promise<Reply> {
  const { deps, ctx, rt } = input;
  const store = deps.store;
  const now = deps.clock.now();
  const channel = channelOf(ctx);
  const key = challengeKey(channel);
  const existing = await readChallenge(store, channel);
  if (existing && 'challenge' in existing && isRunning(existing.challenge) && (existing.raw.due ?? now) > now - ABANDONED_MS) {
    return running(input, existing.challenge);
  }
  const filter = settings.tier === 'mixed' ? {} : { tier: settings.tier };
  const ids = pickMany(filterQuestions(rt, filter), [], settings.count, deps.random).ids;
  if (ids.length === 0) return errorReply('not-found', 'No questions match that challenge.');
  const replyTo = keepReply(ctx, now);
  const challenge: Challenge = challengeSchema.parse({
    id: randomId(deps.random, 10),
    roleId: rt.role.id,
    space: input.space,
    channel,
    starter: { id: ctx.user.id, name: ctx.user.name.slice(0, NAME_MAX) },
    tier: settings.tier,
    seconds: settings.seconds,
    questionIds: ids,
    index: -1,
    phase: 'next',
    openedAt: now,
    deadline: now,
    scores: {},
    attempts: 0,
    createdAt: now,
    // So the starter hears privately if the bot cannot post the first question here.
    ...(replyTo ? { replyTo } : {}),
  });
  const put = await store.putRecord(CHALLENGE_KIND, key, challenge, { expected: existing?.raw.version ?? 0, due: now });
  if (!put) {
    // Someone started one at the same moment: theirs runs.
    const raw = await store.getRecord(CHALLENGE_KIND, key);
    const theirs = raw ? parseChallenge(raw) : undefined;
    return theirs ? running(input, theirs.challenge) : errorReply('quiz-running', 'A challenge was just started here. Try again in a moment.');
  }
  await store.putRecord(REF_KIND, challenge.id, { key }, { expected: 'any' });
  const shorter = ids.length < settings.count ? ` (the bank has only ${ids.length} such questions)` : '';
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      title: 'Challenge starting',
      text: `${ids.length} ${settings.tier === 'mixed' ? 'mixed' : settings.tier} question${ids.length === 1 ? '' : 's'}${shorter}, ${settings.seconds} seconds each. The first one appears in this channel in a moment; anyone here can answer, once per question.`,
      actions: [],
    },
  };
}

/** `/challenge [tier] [count] [seconds]`. */
export function challengeStart(input: HandlerInput): Promise<Reply> {
  return beginChallenge(input, {
    tier: (stringValue(input.values, 'tier') as Tier | 'mixed' | undefined) ?? 'mixed',
    count: clamp(numberValue(input.values, 'count') ?? DEFAULT_COUNT, 1, MAX_COUNT),
    seconds: clamp(numberValue(input.values, 'seconds') ?? DEFAULT_SECONDS, MIN_SECONDS, MAX_SECONDS),
  });
}

/** The Rematch button: the same settings, started by whoever pressed it. */
export function challengeRematch(input: HandlerInput, ref: { tier: Tier | 'mixed'; count: number; seconds: number }): Promise<Reply> {
  return beginChallenge(input, {
    tier: ref.tier,
    count: clamp(ref.count, 1, MAX_COUNT),
    seconds: clamp(ref.seconds, MIN_SECONDS, MAX_SECONDS),
  });
}
