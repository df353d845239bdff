/**
 * One request through the core and back to the user, written once for every
 * platform: handle, render, answer within the platform's deadline or defer and
 * answer later, apologise privately on a fault, and log with the request's ids.
 * A platform supplies only a {@link Channel}: how it sends what this decides.
 */
import { randomBytes } from 'node:crypto';
import type { Assistant } from '../src/assistant.js';
import type { Request } from '../src/requests.js';
import type { Reply } from '../src/views.js';
import { type Logger, withLogFields } from './logger.js';

/** Ids for log lines: enough to find the request, never a token or user text. */
export type LogIds = Record<string, string>;

/** How a request ended, as metrics count it: a reply (in time, or `late` after a deferral), a user's mistake, a write that failed, a fault. */
export type Outcome = 'ok' | 'user-error' | 'not-saved' | 'fault' | 'late';

/** Watches every request the serve loop serves in this process (metrics, the in-flight count shutdown waits for). */
export interface ServeWatcher {
  /** A request begins; the function returned is called once when it has ended, however it ended. */
  begin(platform: string, ids: LogIds): (outcome: Outcome) => void;
}

const watchers = new Set<ServeWatcher>();

/** Adds a watcher of every request served from now on; returns the function that removes it. */
export function watchServing(watcher: ServeWatcher): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** A short random request id (`rid`): 8 URL-safe characters, on every log line written for the request. */
export function newRequestId(): string {
  return randomBytes(6).toString('base64url');
}

function outcomeOf(reply: Reply, late: boolean): Outcome {
  if (reply.view.kind !== 'error') return late ? 'late' : 'ok';
  return reply.view.code === 'not-saved' ? 'not-saved' : 'user-error';
}

/** The ids of a request: space (as `team`), user, channel, and the command or button. */
export function requestIds(request: Request): LogIds {
  return {
    team: request.ctx.space,
    user: request.ctx.user.id,
    channel: request.ctx.conversation,
    ...(request.type === 'command' ? { command: request.command } : { action: request.actionId }),
  };
}

/**
 * How one platform answers one request. `M` is the platform's message (Block
 * Kit JSON, a discord.js payload, terminal text).
 */
export interface Channel<M> {
  /** The platform's pure renderer. */
  render(reply: Reply): M;
  /**
   * Present while the platform waits for a first response (Slack's ack,
   * Discord's interaction response). Past `ms`, `defer` acknowledges without
   * an answer, and the answer follows through `answerLate`.
   */
  deadline?: { ms: number; defer(): Promise<void> };
  /** Sends the answer in time (with no deadline: whenever it is ready). */
  answer(message: M, reply: Reply): Promise<void>;
  /** Sends the answer after `defer`. */
  answerLate(message: M, reply: Reply): Promise<void>;
  /** Tells the user privately that something broke, the right way for whatever was sent so far. */
  apologise(): Promise<void>;
}

/** What serving needs: the platform's name (it prefixes log lines: `slack: request failed`) and a logger. */
export interface ServeDeps {
  platform: string;
  logger: Logger;
}

// User mistakes (including stale buttons) concern only the user: never post
// them to the channel, and never wipe the message the button was on.
function privateErrors(reply: Reply): Reply {
  return reply.view.kind === 'error' ? { visibility: 'private', view: reply.view } : reply;
}

type Prepared<M> = { ok: true; message: M; reply: Reply } | { ok: false };

/** The reply rendered, or a logged fault; never rejects. */
async function prepare<M>(deps: ServeDeps, ids: LogIds, work: () => Promise<Reply>, channel: Channel<M>): Promise<Prepared<M>> {
  try {
    const reply = privateErrors(await work());
    return { ok: true, message: channel.render(reply), reply };
  } catch (error) {
    deps.logger.error(`${deps.platform}: request failed`, { ...ids, error });
    return { ok: false };
  }
}

/** `outcome` if it settles within `ms`, else undefined. */
async function within<T>(outcome: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([outcome, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends the apology; a failure is only logged (the platform may have given up on the request). */
export async function apologise(deps: ServeDeps, ids: LogIds, channel: Pick<Channel<unknown>, 'apologise'>): Promise<void> {
  try {
    await channel.apologise();
  } catch (error) {
    deps.logger.warn(`${deps.platform}: could not deliver the apology`, { ...ids, error });
  }
}

/**
 * Serves the reply `work` produces (usually the assistant's answer to a
 * request) through `channel`. Never throws: every fault is logged with `ids`
 * and answered with the apology. `ids` gains a request id (`rid`, unless it
 * has one), and every line logged while serving carries them all.
 */
export async function serveReply<M>(deps: ServeDeps, ids: LogIds, work: () => Promise<Reply>, channel: Channel<M>): Promise<void> {
  const withRid = { rid: ids.rid ?? newRequestId(), ...ids };
  const ends = [...watchers].map((w) => w.begin(deps.platform, withRid));
  let outcome: Outcome = 'fault';
  try {
    outcome = await withLogFields(withRid, () => serveOnce(deps, withRid, work, channel));
  } finally {
    for (const end of ends) end(outcome);
  }
}

async function serveOnce<M>(deps: ServeDeps, ids: LogIds, work: () => Promise<Reply>, channel: Channel<M>): Promise<Outcome> {
  const started = Date.now();
  const outcome = prepare(deps, ids, work, channel);
  let late = false;
  let ready = channel.deadline ? await within(outcome, channel.deadline.ms) : await outcome;
  if (ready === undefined && channel.deadline) {
    late = true;
    try {
      await channel.deadline.defer();
    } catch (error) {
      // The platform gave up on the request, or refused the acknowledgement: the answer cannot follow either.
      deps.logger.error(`${deps.platform}: could not acknowledge in time`, { ...ids, error });
      await apologise(deps, ids, channel);
      return 'fault';
    }
    ready = await outcome;
  }
  if (!ready?.ok) {
    await apologise(deps, ids, channel);
    return 'fault';
  }
  try {
    await (late ? channel.answerLate(ready.message, ready.reply) : channel.answer(ready.message, ready.reply));
  } catch (error) {
    deps.logger.error(`${deps.platform}: could not deliver the reply`, { ...ids, error });
    await apologise(deps, ids, channel);
    return 'fault';
  }
  deps.logger.debug(`${deps.platform}: served`, { ...ids, ms: Date.now() - started, late });
  return outcomeOf(ready.reply, late);
}

/** Serves one request through the assistant (see {@link serveReply}); `ids` adds the platform's own (an interaction id). */
export function serve<M>(deps: ServeDeps & { assistant: Assistant }, request: Request, channel: Channel<M>, ids: LogIds = {}): Promise<void> {
  return serveReply(deps, { ...ids, ...requestIds(request) }, () => deps.assistant.handle(request), channel);
}
