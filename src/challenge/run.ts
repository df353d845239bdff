/**
 * Runs channel challenges forward when they fall due: reveals a question at
 * its deadline, posts the next one, and the standings at the end. Safe on
 * several replicas and across restarts, because every step is decided in the
 * store, never by a timer in one process:
 *
 * - The reveal is won by a compare-and-set on the challenge record (the
 *   version read) made in the same `durably` as the points, so exactly one
 *   replica scores a question and its points are durable before anything is posted.
 * - Each outbox step (update in place, post) is taken under a lease (a token
 *   and an expiry written by compare-and-set): one replica at a time does it,
 *   and if that one dies, another takes over once the lease runs out.
 * - A failed post leaves the record due again after a back-off, with its
 *   phase unchanged, so the next tick completes it without scoring again.
 */
import type { Question } from '../content/schema.js';
import type { DueContext, DueOutcome, DueProblem, DueRunner } from '../due-runner.js';
import { OutboxError } from '../outbox.js';
import { challengeRefusedView, tellPrivately } from '../private-reply.js';
import { randomId } from '../random.js';
import type { RoleRuntime } from '../role-runtime.js';
import { currentRecord, recordAnswer } from '../stats/record.js';
import { questionView, revealView, standingsView } from './present.js';
import { ANSWER_KIND, answersTo, CHALLENGE_KIND, type Challenge, challengeSchema, parseChallenge, REF_KIND, type ReadChallenge, without } from './record.js';
import { challengePoints, tallyAnswers } from './scoring.js';

/** How long one replica holds an outbox step before another may take it over. */
export const LEASE_MS = 15_000;
/** Answers are taken until the deadline; the reveal waits this much longer, so an answer being written at the deadline is counted. */
export const REVEAL_GRACE_MS = 500;
/** Outbox failures in a row after which the challenge is given up (about two minutes of back-off). */
export const MAX_ATTEMPTS = 8;
/** Due challenges handled per platform per tick. */
const BATCH = 100;

/** A step's next state and when the record is due after it (null: never). */
interface Next {
  challenge: Challenge;
  due: number | null;
}

type Lease = NonNullable<Challenge['lease']>;

/** What one step needs, beside the record being worked on. */
interface Step {
  ctx: DueContext;
  key: string;
  rt: RoleRuntime;
  lease: Lease;
}

/**
 * Writes the change `make` computes from the record, compare-and-set on the
 * version held. When someone else wrote meanwhile (a stop) while this replica
 * still holds the lease, the change is made again on what they wrote, so a
 * concurrent stop is never lost and never blocks a step. Undefined: the lease
 * was lost (another replica took the step over), so this one must stop here.
 */
async function commit(step: Step, held: ReadChallenge, make: (c: Challenge) => Next): Promise<ReadChallenge | undefined> {
  const store = step.ctx.deps.store;
  let current = held;
  for (let tries = 0; tries < 5; tries++) {
    const next = make(current.challenge);
    const put = await store.putRecord(CHALLENGE_KIND, step.key, next.challenge, { expected: current.version, due: next.due });
    if (put) return { challenge: next.challenge, version: put.version };
    const raw = await store.getRecord(CHALLENGE_KIND, step.key);
    const fresh = raw ? parseChallenge(raw) : undefined;
    if (!fresh || fresh.challenge.id !== held.challenge.id || fresh.challenge.lease?.token !== step.lease.token) return undefined;
    current = fresh;
  }
  return undefined;
}

const leased = (c: Challenge, lease: Lease): Next => ({ challenge: { ...c, lease }, due: lease.until });

/** The challenge is over: kept (for late clicks) but never due again. */
function ended(c: Challenge, now: number, failed?: string): Next {
  return { challenge: { ...without(c, 'lease', 'tally', 'replyTo'), phase: 'done', endedAt: now, attempts: 0, ...(failed ? { failed } : {}) }, due: null };
}

/** Whether a refusal will not go away by retrying (the bot was removed, lacks permission, the channel is gone). */
function permanent(error: unknown): error is OutboxError {
  return error instanceof OutboxError && (error.code === 'not-in-channel' || error.code === 'missing-permissions' || error.code === 'gone');
}

/**
 * After an outbox failure: released and due again after a back-off (1 s, 2 s,
 * 4 s … 30 s), or ended once it has failed too often or cannot succeed.
 */
function failed(c: Challenge, now: number, error: unknown): Next {
  const attempts = c.attempts + 1;
  if (permanent(error) || attempts >= MAX_ATTEMPTS) return ended(c, now, error instanceof OutboxError ? error.code : 'failed');
  return { challenge: { ...without(c, 'lease'), attempts }, due: now + Math.min(30_000, 1000 * 2 ** (attempts - 1)) };
}

/** Scores the current question and wins its reveal: one compare-and-set and the points, in one `durably`. */
async function reveal(step: Step, read: ReadChallenge, q: Question): Promise<ReadChallenge | undefined> {
  const { deps, now } = step.ctx;
  const c = read.challenge;
  const answers = await answersTo(deps.store, c.id, c.index);
  // The time the question announced, not deadline − opening: a stop moves the deadline to the stop, which would shrink
  // the window and take the speed bonus from answers given well within the first fifth of the announced time.
  const allowed = c.seconds * 1000;
  const scores = { ...c.scores };
  const scored = answers.map((a) => ({ a, points: challengePoints(q.tier, a.correct, a.at - c.openedAt, allowed) }));
  for (const { a, points } of scored) {
    const was = scores[a.userId] ?? { name: a.name, correct: 0, points: 0, answered: 0 };
    scores[a.userId] = { name: a.name, correct: was.correct + (a.correct ? 1 : 0), points: was.points + points, answered: was.answered + 1 };
  }
  const next: Challenge = { ...c, phase: 'reveal', tally: tallyAnswers(answers, c.openedAt), scores, lease: step.lease, attempts: 0 };
  return deps.store.durably(async (store) => {
    const won = await store.putRecord(CHALLENGE_KIND, step.key, next, { expected: read.version, due: step.lease.until });
    if (!won) return undefined;
    for (const { a, points } of scored) {
      const event = { questionId: q.id, tier: q.tier, topics: q.topics, correct: a.correct, points, at: a.at };
      await store.updateUser(c.space, a.userId, (current) => recordAnswer(currentRecord(current, a.userId, a.name, now), event));
    }
    return { challenge: next, version: won.version };
  });
}

/** Where follow-ups go: the thread under the first message, opened (and remembered) on first use; the channel when none. */
async function threadFor(step: Step, read: ReadChallenge): Promise<{ read: ReadChallenge; thread: string | undefined } | undefined> {
  const c = read.challenge;
  if (c.thread !== undefined || !c.root) return { read, thread: c.thread ?? undefined };
  const opened = await step.ctx.outbox.openThread(c.root, `Challenge: ${step.rt.role.title}`.slice(0, 90)).catch((error: unknown) => {
    // No right to open threads here (or the first message is gone): follow-ups go to the channel instead.
    if (error instanceof OutboxError && (error.code === 'missing-permissions' || error.code === 'gone')) return undefined;
    throw error;
  });
  // Remembered before posting into it: Discord opens one thread per message, so it must not be opened twice.
  const saved = await commit(step, read, (x) => ({ challenge: { ...x, thread: opened ?? null }, due: step.lease.until }));
  return saved ? { read: saved, thread: opened } : undefined;
}

/** Posts question `index + 1`, or the standings once the last was revealed or it was stopped. */
async function postNext(step: Step, read: ReadChallenge): Promise<ReadChallenge | undefined> {
  const { outbox, now } = step.ctx;
  const c = read.challenge;
  // Stopped before its first question went out: nothing was shown, so nothing to close.
  if (c.stopped && c.index < 0) return commit(step, read, (x) => ended(x, now));
  const index = c.index + 1;
  const last = c.stopped !== undefined || index >= c.questionIds.length;
  const where = index === 0 ? { read, thread: undefined } : await threadFor(step, read);
  if (!where) return undefined;
  const options = where.thread ? { thread: where.thread } : undefined;
  if (last) {
    await outbox.post(c.channel, standingsView(step.rt, where.read.challenge), options);
    const done = await commit(step, where.read, (x) => ended(x, now));
    if (done) await forget(step.ctx, done.challenge);
    return done;
  }
  const q = step.rt.byId.get(c.questionIds[index] ?? '');
  if (!q) return commit(step, where.read, (x) => ended(x, now, 'question-gone'));
  const deadline = now + c.seconds * 1000;
  const opening = { ...where.read.challenge, index, openedAt: now, deadline };
  const message = await outbox.post(c.channel, questionView(step.rt, opening, q), options);
  return commit(step, where.read, (x) => ({
    // The starter's private-reply handle is spent once the first question is out: it is a credential, kept no longer.
    challenge: {
      ...without(x, 'lease', 'tally', 'replyTo'),
      index,
      phase: 'asking',
      openedAt: now,
      deadline,
      message,
      ...(index === 0 ? { root: message } : {}),
    },
    // Stopped while this question was being posted: it closes at once.
    due: x.stopped ? now : deadline + REVEAL_GRACE_MS,
  }));
}

/** Drops a finished challenge's answers and its id lookup (best effort: late clicks are answered without them). */
async function forget(ctx: DueContext, c: Challenge): Promise<void> {
  const store = ctx.deps.store;
  const answers = await store.listRecords(ANSWER_KIND, { prefix: `${c.id}|` });
  await Promise.all(answers.map((a) => store.deleteRecord(ANSWER_KIND, a.key, a.version)));
  await store.deleteRecord(REF_KIND, c.id);
}

/** Tells the starter privately why their challenge could not begin; a failure to tell is reported with the refusal. */
async function tellStarter(ctx: DueContext, c: Challenge, error: unknown): Promise<void> {
  const rt = ctx.roles.get(c.roleId);
  const command = `/${rt?.role.commandPrefix ?? 'devops'}-challenge`;
  try {
    await tellPrivately(ctx.outbox, c.replyTo, challengeRefusedView(error, command), ctx.deps.clock.now());
  } catch (told) {
    throw new Error(`challenge ${c.id}: could not post (${error instanceof OutboxError ? error.code : 'failed'}); ${(told as Error).message}`, {
      cause: error,
    });
  }
}

/** Takes one due challenge as far as it can go now: reveal, update, next post, standings. */
async function advance(ctx: DueContext, key: string, start: ReadChallenge): Promise<void> {
  const { now, deps } = ctx;
  let read: ReadChallenge | undefined = start;
  const c = start.challenge;
  if (c.phase === 'done' || (c.lease && c.lease.until > now)) return;
  if (c.phase === 'asking' && !c.stopped && now < c.deadline + REVEAL_GRACE_MS) return;
  const rt = ctx.roles.get(c.roleId);
  const lease: Lease = { until: now + LEASE_MS, token: randomId(deps.random, 12) };
  if (!rt) {
    await deps.store.putRecord(CHALLENGE_KIND, key, ended(c, now, 'role-gone').challenge, { expected: start.version, due: null });
    return;
  }
  const step: Step = { ctx, key, rt, lease };
  const q = rt.byId.get(c.questionIds[c.index] ?? '');
  if (c.phase === 'asking') {
    if (!q) {
      await commit(step, start, (x) => ended(x, now, 'question-gone'));
      return;
    }
    read = await reveal(step, start, q);
  } else {
    // A step left unfinished (a failed post, a replica gone): claim it before doing it again.
    read = await commit(step, start, (x) => leased(x, lease));
  }
  try {
    if (read?.challenge.phase === 'reveal') {
      const message = read.challenge.message;
      if (message && q) {
        await ctx.outbox.update(message, revealView(rt, read.challenge, q)).catch((error: unknown) => {
          // A deleted question message cannot show its answer; the challenge goes on without it.
          if (!(error instanceof OutboxError && error.code === 'gone')) throw error;
        });
      }
      read = await commit(step, read, (x) => ({ challenge: { ...x, phase: 'next' }, due: lease.until }));
    }
    if (read?.challenge.phase === 'next') await postNext(step, read);
  } catch (error) {
    const after = read ? await commit(step, read, (x) => failed(x, ctx.deps.clock.now(), error)) : undefined;
    if (after?.challenge.phase === 'done') {
      await forget(ctx, after.challenge);
      // Ended before its first question went out: its starter hears why, once, privately (the handle was cleared above).
      if (read && read.challenge.index < 0 && !read.challenge.stopped) await tellStarter(ctx, read.challenge, error);
    }
    throw error;
  }
}

/** Runs every due challenge of the context's platform; each one's fault is reported, not thrown. */
export async function runChallenges(ctx: DueContext): Promise<DueOutcome> {
  const due = await ctx.deps.store.listRecords(CHALLENGE_KIND, { prefix: `${ctx.platform}|`, dueBy: ctx.now, limit: BATCH });
  const problems: DueProblem[] = [];
  await Promise.all(
    due.map(async (raw) => {
      const read = parseChallenge(raw);
      try {
        if (read) await advance(ctx, raw.key, read);
        else {
          // Not a challenge this version can read: parked, so it is not listed on every tick.
          await ctx.deps.store.putRecord(CHALLENGE_KIND, raw.key, raw.value, { expected: raw.version, due: null });
          problems.push({ what: `challenge ${raw.key}: unreadable record parked`, error: challengeSchema.safeParse(raw.value).error });
        }
      } catch (error) {
        problems.push({ what: `challenge ${raw.key}`, error });
      }
    }),
  );
  return { handled: due.length, problems };
}

/** The channel challenges' runner, listed in src/due.ts. */
export const challengeRunner: DueRunner = { name: 'challenge', run: runChallenges };
