/**
 * The per-channel posting queue of the Slack outbox. Slack lets an app post
 * about one message a second per channel (`chat.postMessage`, the "special"
 * tier) and answers faster posts with HTTP 429 and `Retry-After`. So calls for
 * one channel run one at a time, each attempt at least `minIntervalMs` after
 * the previous one started; different channels run side by side; a rate-limited
 * answer is waited out (Retry-After, never less than the interval) and tried
 * again, a bounded number of times. The queue, not the WebClient, owns those
 * retries: make the client with `rejectRateLimitedCalls: true` (outbox.ts
 * `outboxClient`), because a client that waits out a 429 itself pauses its
 * whole request queue, slash-command replies included, and retries without
 * telling anyone.
 */

/** What a rate-limited failure of this queue carries; `code` is the WebClient's, so callers map both alike. */
export const RATE_LIMITED_CODE = 'slack_webapi_rate_limited_error';

/**
 * The queue gave up on a call: Slack kept answering `ratelimited`, asked for a
 * wait longer than the queue will hold a channel, or too many posts are waiting
 * for this channel already. It looks like the WebClient's rate-limit error
 * (`code`, `retryAfter` in seconds), so the outbox tells the user to try again later.
 */
export class PostQueueError extends Error {
  override name = 'PostQueueError';
  readonly code = RATE_LIMITED_CODE;
  constructor(
    readonly reason: 'retries-exhausted' | 'wait-too-long' | 'queue-full',
    message: string,
    /** Seconds until a new try may succeed. */
    readonly retryAfter: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Options of {@link createPostQueue}; every one has Slack's default. */
export interface PostQueueOptions {
  /** Least time between two attempts on one channel; default 1000 ms (Slack's one message a second). */
  minIntervalMs?: number;
  /** Attempts per call, the first included, while Slack answers `ratelimited`; default 3. */
  maxAttempts?: number;
  /** Calls waiting or running per channel; one more is refused at once; default 50. */
  maxQueued?: number;
  /** Longest Retry-After the queue waits out (the channel is held meanwhile); default 60 s. */
  maxRetryAfterMs?: number;
  /** Clock, epoch ms; default `Date.now`. */
  now?: () => number;
  /** Waits `ms`; default a timer. Tests pass a fake that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
}

/** Runs calls per channel, in order, spaced, retrying rate-limited ones. */
export interface PostQueue {
  /** Runs `fn` once every earlier call for `channel` is done and the channel's pace allows; resolves with its result. */
  run<T>(channel: string, fn: () => Promise<T>): Promise<T>;
  /** Calls waiting or running for `channel` (for tests and metrics). */
  pending(channel: string): number;
}

interface Channel {
  /** Settles when the last call queued so far is done. */
  tail: Promise<unknown>;
  /** Calls waiting or running. */
  queued: number;
  /** Earliest time the next attempt may start, epoch ms. */
  nextAt: number;
}

/** Idle channels are forgotten once there are this many: a sweep costs one pass, rarely. */
const SWEEP_AT = 256;

/**
 * How long a failure asks to wait, in ms, if it is a rate limit: the
 * WebClient's `WebAPIRateLimitedError` (`rejectRateLimitedCalls: true`), a
 * `ratelimited` platform answer, or an HTTP error with status 429 and a
 * `Retry-After` header. Undefined for anything else, which is not retried.
 */
export function rateLimitWaitMs(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as {
    code?: unknown;
    retryAfter?: unknown;
    statusCode?: unknown;
    headers?: Record<string, unknown>;
    data?: { error?: unknown; response_metadata?: { retryAfter?: unknown } };
  };
  const seconds = (value: unknown): number | undefined => {
    const n = typeof value === 'string' ? Number.parseInt(value, 10) : value;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
  };
  if (e instanceof PostQueueError) return undefined;
  if (e.code === RATE_LIMITED_CODE) return seconds(e.retryAfter) ?? 1000;
  if (e.data?.error === 'ratelimited') return seconds(e.data.response_metadata?.retryAfter) ?? 1000;
  if (e.statusCode === 429) return seconds(e.headers?.['retry-after']) ?? 1000;
  return undefined;
}

/** A posting queue; see the file comment for the rules. */
export function createPostQueue(options: PostQueueOptions = {}): PostQueue {
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const maxQueued = Math.max(1, options.maxQueued ?? 50);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const channels = new Map<string, Channel>();

  const sweep = (): void => {
    const at = now();
    for (const [key, state] of channels) if (state.queued === 0 && state.nextAt <= at) channels.delete(key);
  };

  const attempt = async <T>(channel: string, state: Channel, fn: () => Promise<T>): Promise<T> => {
    for (let tries = 1; ; tries++) {
      const wait = state.nextAt - now();
      if (wait > 0) await sleep(wait);
      state.nextAt = now() + minIntervalMs;
      try {
        return await fn();
      } catch (error) {
        const waitMs = rateLimitWaitMs(error);
        if (waitMs === undefined) throw error;
        // The whole channel waits: the next call would only be refused too.
        state.nextAt = Math.max(state.nextAt, now() + waitMs);
        const retryAfter = Math.ceil(waitMs / 1000);
        if (waitMs > maxRetryAfterMs) {
          throw new PostQueueError('wait-too-long', `Slack asked to wait ${retryAfter} s before posting to ${channel} again; not retried`, retryAfter, {
            cause: error,
          });
        }
        if (tries >= maxAttempts) {
          throw new PostQueueError('retries-exhausted', `Slack rate-limited ${tries} attempts to post to ${channel}; gave up`, retryAfter, { cause: error });
        }
      }
    }
  };

  return {
    run<T>(channel: string, fn: () => Promise<T>): Promise<T> {
      if (channels.size >= SWEEP_AT) sweep();
      let state = channels.get(channel);
      if (state === undefined) {
        state = { tail: Promise.resolve(), queued: 0, nextAt: 0 };
        channels.set(channel, state);
      }
      if (state.queued >= maxQueued) {
        const retryAfter = Math.ceil((state.queued * minIntervalMs) / 1000);
        return Promise.reject(new PostQueueError('queue-full', `${state.queued} posts to ${channel} are waiting already; refused`, retryAfter));
      }
      const held = state;
      held.queued++;
      const result = held.tail.then(() => attempt(channel, held, fn));
      // The next call waits for this one however it ends; its failure is its caller's alone.
      held.tail = result.then(
        () => {},
        () => {},
      );
      return result.finally(() => {
        held.queued--;
      });
    },
    pending(channel: string): number {
      return channels.get(channel)?.queued ?? 0;
    },
  };
}
