/**
 * The question of the day's due-runner. On every tick it lists this platform's
 * schedules that are due, and for each one claims today's post by creating
 * its record (expected version 0): whichever replica creates it posts, the
 * others skip. The claim is `claimed` until the post is made; a claim older
 * than {@link CLAIM_TIMEOUT_MS} (a crash mid-post) is taken over once, then
 * given up as `failed`. The schedule's next run is computed from now, so a
 * catch-up after days down posts once, not once per missed day.
 */
import type { DueContext, DueOutcome, DueProblem, DueRunner } from '../due-runner.js';
import { OutboxError } from '../outbox.js';
import { dailyRefusedView, isRefusal, type StoredReply, tellPrivately } from '../private-reply.js';
import { filterQuestions, pickQuestion } from '../questions/pick.js';
import { shuffle } from '../random.js';
import type { RoleRuntime } from '../role-runtime.js';
import { dateKey, isWeekend, localDate, nextRun } from './next-run.js';
import {
  ANSWER_KIND,
  type Answer,
  POST_KIND,
  type Post,
  platformPrefix,
  postKey,
  readAnswer,
  readPost,
  readSchedule,
  SCHEDULE_KIND,
  type Schedule,
  SEEN_MAX,
  scheduleTier,
  updateSchedule,
} from './records.js';
import { dailyPostView, nextText, revealOf } from './views.js';

/** How long a claim holds before another tick may take it over (a replica crashed mid-post). */
export const CLAIM_TIMEOUT_MS = 2 * 60 * 1000;
/** Attempts at one day's post: the first, and one retry. */
export const MAX_ATTEMPTS = 2;
/** Answers counted at a reveal, at most. */
const ANSWERS_MAX = 10_000;

/** When a schedule runs next after `now`. */
export function dueAfter(s: Schedule, now: number): number {
  return nextRun(now, s.hh, s.mm, s.tz, s.weekdaysOnly);
}

type Step = 'posted' | 'skipped';

/** The runner listed in src/due.ts. */
export const dailyRunner: DueRunner = {
  name: 'daily',
  async run(ctx: DueContext): Promise<DueOutcome> {
    const due = await ctx.deps.store.listRecords(SCHEDULE_KIND, { prefix: platformPrefix(ctx.platform), dueBy: ctx.now });
    const problems: DueProblem[] = [];
    let handled = 0;
    for (const record of due) {
      try {
        if ((await runOne(ctx, record.key)) === 'posted') handled++;
      } catch (error) {
        problems.push({ what: `daily ${record.key.slice(0, 120)}`, error });
      }
    }
    return { handled, problems };
  },
};

/** The schedule's next run from now, with today's post (when it was made) as its latest and its question as served. */
function advance(ctx: DueContext, key: string, done?: { key: string; post: Post }, error?: string): Promise<Schedule | undefined> {
  return updateSchedule(
    ctx.deps.store,
    key,
    (s) => {
      const next: Schedule = { ...s };
      if (done?.post.state === 'posted') {
        const q = done.post.questionId;
        next.last = done.key;
        next.seen = done.post.restart && s.seen.at(-1) !== q ? [q] : s.seen.includes(q) ? s.seen : [...s.seen, q].slice(-SEEN_MAX);
        delete next.lastError;
        // The first post is out: the starter's private-reply handle is spent (it is a credential, kept no longer).
        delete next.replyTo;
      }
      if (error) next.lastError = { at: ctx.now, message: error.slice(0, 500) };
      // A failed first post spent the handle; an expired one is no use to anyone.
      if (error || (next.replyTo && next.replyTo.until <= ctx.now)) delete next.replyTo;
      return next;
    },
    (s) => dueAfter(s, ctx.now),
  );
}

/** Tells the starter privately that the post was refused; a failure to tell is thrown (reported, never quoting the handle). */
async function tellStarter(ctx: DueContext, rt: RoleRuntime, reply: StoredReply, error: unknown, next: string): Promise<void> {
  await tellPrivately(ctx.outbox, reply, dailyRefusedView(error, `/${rt.role.commandPrefix}-daily`, next), ctx.deps.clock.now());
}

async function runOne(ctx: DueContext, key: string): Promise<Step> {
  const store = ctx.deps.store;
  const read = readSchedule(await store.getRecord(SCHEDULE_KIND, key));
  if (!read) return 'skipped';
  const s = read.value;
  const rt = ctx.roles.get(s.roleId);
  const today = localDate(ctx.now, s.tz);
  // A catch-up that lands on a weekend posts nothing: the schedule just moves to Monday.
  if (!rt || (s.weekdaysOnly && isWeekend(today))) {
    await advance(ctx, key, undefined, rt ? undefined : `role ${s.roleId} is no longer loaded`);
    return 'skipped';
  }
  const pk = postKey(key, dateKey(today));
  const claimed = await claim(ctx, rt, s, pk);
  if (claimed === 'busy') return 'skipped';
  if (claimed === 'done') {
    const post = readPost(await store.getRecord(POST_KIND, pk));
    await advance(ctx, key, post ? { key: pk, post: post.value } : undefined);
    return 'skipped';
  }
  return post(ctx, rt, s, key, pk, claimed);
}

type Claim = 'busy' | 'done' | { post: Post; version: number };

/** Creates today's post record (or takes over a stale claim); whoever writes it posts. */
async function claim(ctx: DueContext, rt: RoleRuntime, s: Schedule, pk: string): Promise<Claim> {
  const store = ctx.deps.store;
  const existing = readPost(await store.getRecord(POST_KIND, pk));
  if (existing) {
    const p = existing.value;
    if (p.state !== 'claimed') return 'done';
    if (ctx.now - p.claimedAt < CLAIM_TIMEOUT_MS) return 'busy';
    if (p.attempts >= MAX_ATTEMPTS) {
      const failed = await store.putRecord(POST_KIND, pk, { ...p, state: 'failed' }, { expected: existing.version });
      return failed ? 'done' : 'busy';
    }
    const retry: Post = { ...p, claimedAt: ctx.now, attempts: p.attempts + 1 };
    const written = await store.putRecord(POST_KIND, pk, retry, { expected: existing.version });
    return written ? { post: retry, version: written.version } : 'busy';
  }
  const pool = filterQuestions(rt, scheduleTier(s) ? { tier: scheduleTier(s) } : {});
  const pick = pickQuestion(pool, s.seen, ctx.deps.random);
  if (!pick) throw new Error(`no ${s.tier} question in ${rt.role.id}`);
  const fresh: Post = {
    date: pk.slice(-10),
    questionId: pick.question.id,
    order: shuffle(ctx.deps.random, [0, 1, 2, 3]),
    restart: pick.seen.length === 1 && s.seen.length > 0,
    state: 'claimed',
    claimedAt: ctx.now,
    attempts: 1,
  };
  const written = await store.putRecord(POST_KIND, pk, fresh, { expected: 0 });
  return written ? { post: fresh, version: written.version } : 'busy';
}

/** Closes the previous post (counting its answers once) and returns it with its reveal. */
async function closePrevious(ctx: DueContext, rt: RoleRuntime, s: Schedule, today: string) {
  if (!s.last || s.last === today) return undefined;
  const store = ctx.deps.store;
  for (let attempt = 0; attempt < 5; attempt++) {
    const prev = readPost(await store.getRecord(POST_KIND, s.last));
    const q = prev ? rt.byId.get(prev.value.questionId) : undefined;
    if (!prev || !q || prev.value.state !== 'posted') return undefined;
    if (prev.value.closed) return { post: prev.value, reveal: revealOf(q, prev.value) };
    const answers = (await store.listRecords(ANSWER_KIND, { prefix: `${s.last}|`, limit: ANSWERS_MAX }))
      .map((r) => readAnswer(r)?.value)
      .filter((a): a is Answer => a !== undefined);
    const closed: Post = { ...prev.value, closed: { at: ctx.now, answered: answers.length, correct: answers.filter((a) => a.correct).length } };
    if (await store.putRecord(POST_KIND, s.last, closed, { expected: prev.version })) return { post: closed, reveal: revealOf(q, closed) };
  }
  return undefined;
}

async function post(ctx: DueContext, rt: RoleRuntime, s: Schedule, key: string, pk: string, claimed: { post: Post; version: number }): Promise<Step> {
  const store = ctx.deps.store;
  const previous = await closePrevious(ctx, rt, s, pk);
  let message: Post['message'];
  try {
    message = await ctx.outbox.post(s.channel, dailyPostView(rt, s, claimed.post, previous?.reveal));
  } catch (error) {
    const last = claimed.post.attempts >= MAX_ATTEMPTS;
    // A refusal the starter can fix, or the last attempt, spends the starter's handle: they hear it once.
    const tell = s.replyTo && (last || isRefusal(error)) ? s.replyTo : undefined;
    // A refusal (not in the channel, no permission) is kept for `status`; the retry comes after the claim timeout.
    await store.putRecord(POST_KIND, pk, { ...claimed.post, ...(last ? { state: 'failed' } : {}) }, { expected: claimed.version });
    const said = error instanceof OutboxError ? error.message : 'the post could not be made';
    if (last) await advance(ctx, key, undefined, said);
    else
      await updateSchedule(
        store,
        key,
        (cur) => {
          const next: Schedule = { ...cur, lastError: { at: ctx.now, message: said.slice(0, 500) } };
          if (tell) delete next.replyTo;
          return next;
        },
        () => ctx.now,
      );
    if (tell) {
      const next = last ? `on ${nextText(s, ctx.now)}` : 'once more in a few minutes, then on the next scheduled day';
      await tellStarter(ctx, rt, tell, error, next);
    }
    if (error instanceof OutboxError) return 'skipped';
    throw error;
  }
  const posted: Post = { ...claimed.post, state: 'posted', message };
  await store.putRecord(POST_KIND, pk, posted, { expected: claimed.version });
  // The previous post shows its answer in place and loses its buttons; a failure here costs nothing but looks.
  if (previous?.post.message) {
    await ctx.outbox.update(previous.post.message, dailyPostView(rt, s, previous.post, undefined)).catch(() => undefined);
  }
  await advance(ctx, key, { key: pk, post: posted });
  return 'posted';
}
