/**
 * The per-channel posting queue: order and spacing per channel, parallel
 * channels, rate limits waited out and retried a bounded number of times, a
 * bounded queue. A fake clock proves the timing exactly; the real WebClient
 * against a local Web API answering 429 proves the queue honours Retry-After
 * and that the client leaves the retry to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxClient } from '../../adapters/slack/outbox.js';
import { createPostQueue, PostQueueError, RATE_LIMITED_CODE, rateLimitWaitMs } from '../../adapters/slack/post-queue.js';

/** A clock that only moves when the queue sleeps, and what it slept. */
function fakeTime() {
  const clock = { t: 0, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
}

const rateLimited = (retryAfter: number) => Object.assign(new Error('A rate-limit has been reached'), { code: RATE_LIMITED_CODE, retryAfter });

describe('post queue (fake clock)', () => {
  it('runs one channel one call at a time, in order, each at least the interval after the last started', async () => {
    const time = fakeTime();
    const queue = createPostQueue({ now: time.now, sleep: time.sleep });
    const starts: [number, number][] = [];
    let running = 0;
    let most = 0;
    const post = (n: number, takesMs: number) => async () => {
      starts.push([n, time.clock.t]);
      running++;
      most = Math.max(most, running);
      time.clock.t += takesMs;
      await Promise.resolve();
      running--;
      return n;
    };
    const results = await Promise.all([queue.run('T/C', post(1, 100)), queue.run('T/C', post(2, 1_500)), queue.run('T/C', post(3, 10))]);
    expect(results).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    // The second waits out the interval; the third starts as soon as the slow second is done (1000 + 1500).
    expect(starts).toEqual([
      [1, 0],
      [2, 1_000],
      [3, 2_500],
    ]);
    expect(queue.pending('T/C')).toBe(0);
  });

  it('runs different channels side by side', async () => {
    const queue = createPostQueue({ minIntervalMs: 60_000 });
    const started: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const post = (channel: string) =>
      queue.run(channel, async () => {
        started.push(channel);
        await gate;
        return channel;
      });
    const all = Promise.all([post('T/A'), post('T/B'), post('T/C')]);
    await new Promise((resolve) => setImmediate(resolve));
    // All three are running at once although none has finished: no channel waits for another.
    expect(started.sort()).toEqual(['T/A', 'T/B', 'T/C']);
    release();
    expect(await all).toEqual(['T/A', 'T/B', 'T/C']);
  });

  it('waits out Retry-After and tries again, holding back the channel meanwhile', async () => {
    const time = fakeTime();
    const queue = createPostQueue({ now: time.now, sleep: time.sleep });
    const attempts: number[] = [];
    let fail = 1;
    const first = queue.run('T/C', async () => {
      attempts.push(time.clock.t);
      if (fail-- > 0) throw rateLimited(3);
      return 'posted';
    });
    const second = queue.run('T/C', async () => {
      attempts.push(time.clock.t);
      return 'next';
    });
    expect(await first).toBe('posted');
    expect(await second).toBe('next');
    expect(attempts).toEqual([0, 3_000, 4_000]);
    expect(time.clock.sleeps).toEqual([3_000, 1_000]);
  });

  it('gives up after the bounded attempts with an error saying so, and the channel goes on', async () => {
    const time = fakeTime();
    const queue = createPostQueue({ now: time.now, sleep: time.sleep, maxAttempts: 3 });
    let calls = 0;
    const lost = queue.run('T/C', async () => {
      calls++;
      throw rateLimited(2);
    });
    const error = await lost.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostQueueError);
    expect(error).toMatchObject({ reason: 'retries-exhausted', code: RATE_LIMITED_CODE, retryAfter: 2 });
    expect(String((error as Error).message)).toMatch(/rate-limited 3 attempts to post to T\/C/);
    expect((error as Error).cause).toMatchObject({ retryAfter: 2 });
    expect(calls).toBe(3);
    // The outbox maps it as it maps the WebClient's own rate-limit error.
    expect(rateLimitWaitMs(error)).toBeUndefined();
    expect(await queue.run('T/C', async () => 'after')).toBe('after');
  });

  it('does not hold a channel for a Retry-After beyond the most it waits', async () => {
    const time = fakeTime();
    const queue = createPostQueue({ now: time.now, sleep: time.sleep, maxRetryAfterMs: 30_000 });
    let calls = 0;
    const error = await queue
      .run('T/C', async () => {
        calls++;
        throw rateLimited(600);
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'wait-too-long', retryAfter: 600 });
    expect(calls).toBe(1);
  });

  it('passes other failures on at once, untouched and not retried', async () => {
    const time = fakeTime();
    const queue = createPostQueue({ now: time.now, sleep: time.sleep });
    const refusal = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { error: 'not_in_channel' },
    });
    let calls = 0;
    await expect(
      queue.run('T/C', async () => {
        calls++;
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(calls).toBe(1);
  });

  it('refuses a call beyond the bounded queue at once, and takes calls again once it drains', async () => {
    const queue = createPostQueue({ minIntervalMs: 0, maxQueued: 2 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = queue.run('T/C', () => gate);
    const b = queue.run('T/C', async () => 'b');
    await expect(queue.run('T/C', async () => 'c')).rejects.toMatchObject({ reason: 'queue-full', code: RATE_LIMITED_CODE });
    // Another channel has its own bound.
    expect(await queue.run('T/D', async () => 'd')).toBe('d');
    expect(queue.pending('T/C')).toBe(2);
    release();
    await a;
    expect(await b).toBe('b');
    expect(await queue.run('T/C', async () => 'c')).toBe('c');
  });

  it('recognises every shape of rate limit Slack and the WebClient produce', () => {
    expect(rateLimitWaitMs(new webApi.WebAPIRateLimitedError(4))).toBe(4_000);
    expect(webApi.ErrorCode.RateLimitedError).toBe(RATE_LIMITED_CODE);
    expect(rateLimitWaitMs({ code: 'slack_webapi_platform_error', data: { error: 'ratelimited', response_metadata: { retryAfter: 2 } } })).toBe(2_000);
    expect(rateLimitWaitMs({ code: 'slack_webapi_platform_error', data: { error: 'ratelimited' } })).toBe(1_000);
    expect(rateLimitWaitMs({ statusCode: 429, headers: { 'retry-after': '7' } })).toBe(7_000);
    expect(rateLimitWaitMs({ statusCode: 500, headers: { 'retry-after': '7' } })).toBeUndefined();
    expect(rateLimitWaitMs(new Error('ECONNRESET'))).toBeUndefined();
    expect(rateLimitWaitMs(undefined)).toBeUndefined();
  });
});

/** A local Web API: `chat.postMessage` answers 429 + Retry-After: 1 for the first `limited` calls, then ok. */
async function fakeApi(limited: number) {
  const hits: { at: number; channel: string }[] = [];
  let left = limited;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const channel = new URLSearchParams(body).get('channel') ?? '';
      hits.push({ at: Date.now(), channel });
      if (left-- > 0) {
        res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel, ts: `${hits.length}.000` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return {
    url,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('post queue with the real WebClient', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it("honours Slack's Retry-After: the client rejects the 429 at once and the queue retries after a second", async () => {
    const api = await fakeApi(1);
    closers.push(api.close);
    // The outbox's own client: rejectRateLimitedCalls, so the queue, not the client, waits.
    const client = outboxClient(api.url);
    const queue = createPostQueue();
    const started = performance.now();
    let attempts = 0;
    const answer = await queue.run('T1/C1', () => {
      attempts++;
      return client.chat.postMessage({ token: 'xoxb-test', channel: 'C1', text: 'hello' });
    });
    const elapsed = performance.now() - started;
    // Two calls by the queue, one HTTP request each: the client passed the 429 on instead of waiting it out.
    expect(attempts).toBe(2);
    expect(answer).toMatchObject({ ok: true, ts: '2.000' });
    expect(api.hits).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(4_000);
    expect((api.hits[1]?.at ?? 0) - (api.hits[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('paces one channel to about 60 posts a minute while two channels post side by side', async () => {
    const api = await fakeApi(0);
    closers.push(api.close);
    const client = outboxClient(api.url);
    const queue = createPostQueue();
    const perChannel = 4;
    const sent: number[] = [];
    const started = performance.now();
    await Promise.all(
      ['C1', 'C2'].flatMap((channel) =>
        Array.from({ length: perChannel }, (_, i) =>
          queue.run(`T1/${channel}`, () => {
            if (channel === 'C1') sent.push(performance.now());
            return client.chat.postMessage({ token: 'xoxb-test', channel, text: `${i}` });
          }),
        ),
      ),
    );
    const elapsed = performance.now() - started;
    const c1 = api.hits.filter((h) => h.channel === 'C1').map((h) => h.at);
    expect(c1).toHaveLength(perChannel);
    const gapsOf = (times: number[]) => times.slice(1).map((at, i) => at - (times[i] as number));
    // The queue starts each call a full interval after the last; arrival at Slack jitters by a few ms either way.
    expect(gapsOf(sent).every((gap) => gap >= 998)).toBe(true);
    const gaps = gapsOf(c1);
    // The pace the queue keeps (its starts), and the one Slack would see (arrivals), in posts a minute.
    const rate = (times: number[]) => ((times.length - 1) / ((times.at(-1) as number) - (times[0] as number))) * 60_000;
    const perMinute = rate(sent);
    console.info(
      `post queue: ${perMinute.toFixed(1)} posts/minute/channel sent, ${rate(c1).toFixed(1)} arriving (arrival gaps ${gaps.map(Math.round).join(', ')} ms); ${perChannel * 2} posts on 2 channels in ${Math.round(elapsed)} ms`,
    );
    // Never faster than one a second; slower only by timer lateness (a loaded machine runs late, never early).
    expect(perMinute).toBeLessThanOrEqual(60.2);
    expect(perMinute).toBeGreaterThan(40);
    // Both channels in the time of one: about 3 s, where one after the other would take 7.
    expect(elapsed).toBeLessThan((perChannel * 2 - 1) * 1_000);
  });
});
