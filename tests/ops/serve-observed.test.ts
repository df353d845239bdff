/**
 * The serve loop's request ids and metrics, with the real pino logger and a
 * real prom-client registry: every line written for one request (the loop's
 * own, and any other logger's meanwhile) carries the same `rid`; each request
 * is counted once with a bounded command label and its outcome.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { createMetrics } from '../../adapters/metrics.js';
import { type Channel, newRequestId, serveReply, watchServing } from '../../adapters/serve.js';
import type { Reply } from '../../src/views.js';

const unwatch: (() => void)[] = [];
afterEach(() => {
  for (const u of unwatch.splice(0)) u();
});

function channel(options: { deadlineMs?: number; failAnswer?: boolean } = {}): Channel<string> {
  return {
    render: (reply) => reply.view.kind,
    ...(options.deadlineMs === undefined ? {} : { deadline: { ms: options.deadlineMs, defer: async () => undefined } }),
    answer: async () => {
      if (options.failAnswer) throw new Error('send refused');
    },
    answerLate: async () => undefined,
    apologise: async () => undefined,
  };
}

const notice: Reply = { visibility: 'public', view: { kind: 'notice', title: 't', text: 'x', actions: [] } };
const error = (code: 'not-saved' | 'bad-arguments'): Reply => ({ visibility: 'private', view: { kind: 'error', code, message: 'm' } });
const IDS = { team: 'T1', user: 'U1', channel: 'C1', command: 'devops-quiz' };

describe('request ids', () => {
  it('puts one rid on every line written for a request that fails, including other loggers inside it', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (l) => lines.push(l) });
    const store = createLogger({ level: 'debug', write: (l) => lines.push(l), base: { component: 'store' } });
    await serveReply(
      { platform: 'test', logger },
      IDS,
      async () => {
        store.warn('write slow');
        throw new Error('handler broke');
      },
      channel({ failAnswer: true }),
    );
    const parsed = lines.map((l) => JSON.parse(l) as { rid?: string; msg: string });
    expect(parsed.map((l) => l.msg)).toEqual(['write slow', 'test: request failed']);
    const rid = parsed[0]?.rid;
    expect(rid).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(parsed.every((l) => l.rid === rid)).toBe(true);
    // Lines from one JSON object each: the rid appears once, not twice.
    expect(lines[1]?.match(/"rid"/g)).toHaveLength(1);
  });

  it('gives each request its own rid, and keeps one the platform passed', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (l) => lines.push(l) });
    await serveReply({ platform: 'test', logger }, IDS, async () => notice, channel());
    await serveReply({ platform: 'test', logger }, IDS, async () => notice, channel());
    await serveReply({ platform: 'test', logger }, { ...IDS, rid: 'given-1' }, async () => notice, channel());
    const rids = lines.map((l) => (JSON.parse(l) as { rid: string }).rid);
    expect(new Set(rids.slice(0, 2)).size).toBe(2);
    expect(rids[2]).toBe('given-1');
    expect(new Set(Array.from({ length: 200 }, newRequestId)).size).toBe(200);
  });
});

describe('request metrics', () => {
  it('counts each outcome once, by platform and a bounded command label, and times requests', async () => {
    const metrics = createMetrics({ processMetrics: false, commands: ['devops-quiz'] });
    unwatch.push(watchServing(metrics.watcher));
    const deps = { platform: 'slack', logger: createLogger({ level: 'error', write: () => undefined }) };
    await serveReply(deps, IDS, async () => notice, channel());
    await serveReply(deps, IDS, async () => error('bad-arguments'), channel());
    await serveReply(deps, IDS, async () => error('not-saved'), channel());
    await serveReply(deps, IDS, () => Promise.reject(new Error('bug')), channel());
    await serveReply(deps, IDS, () => new Promise((r) => setTimeout(() => r(notice), 40)), channel({ deadlineMs: 5 }));
    // User text never becomes a label: an unknown command is `other`, a foreign button `action:unknown`.
    await serveReply(deps, { ...IDS, command: 'devops-quiz; DROP TABLE' }, async () => notice, channel());
    await serveReply(deps, { team: 'T1', action: 'garbage|zz|1' }, async () => notice, channel());
    const text = await metrics.text();
    for (const outcome of ['ok', 'user-error', 'not-saved', 'fault', 'late'])
      expect(text).toContain(`panelist_requests_total{platform="slack",command="devops-quiz",outcome="${outcome}"} 1`);
    expect(text).toContain('panelist_requests_total{platform="slack",command="other",outcome="ok"} 1');
    expect(text).toContain('panelist_requests_total{platform="slack",command="action:unknown",outcome="ok"} 1');
    expect(text).toContain('panelist_request_duration_seconds_count{platform="slack"} 7');
    expect(text).not.toContain('DROP');
  });
});
