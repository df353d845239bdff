/**
 * The serve loop every platform shares, against a recording channel: answer
 * in time or defer and answer late, apologise on a fault or a failed send,
 * log with the request's ids, keep user errors private.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../adapters/logger.js';
import { type Channel, requestIds, serve, serveReply } from '../../adapters/serve.js';
import type { Reply } from '../../src/views.js';
import { cmd, ctxFor } from '../helpers/assistant.js';

interface Line {
  level: string;
  msg: string;
  fields: Record<string, unknown>;
}

function recordingLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level, msg, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A channel that records what was sent, in order; `fail` names the steps that throw. */
function recordingChannel(options: { deadlineMs?: number; fail?: ('defer' | 'answer' | 'late' | 'apologise')[] } = {}) {
  const sent: string[] = [];
  const step = async (name: 'defer' | 'answer' | 'late' | 'apologise', what: string) => {
    sent.push(what);
    if (options.fail?.includes(name)) throw new Error(`${name} refused`);
  };
  const channel: Channel<string> = {
    render: (reply) => `${reply.visibility}:${reply.view.kind === 'notice' ? reply.view.text : reply.view.kind}`,
    ...(options.deadlineMs === undefined ? {} : { deadline: { ms: options.deadlineMs, defer: () => step('defer', 'defer') } }),
    answer: (message) => step('answer', `answer ${message}`),
    answerLate: (message) => step('late', `late ${message}`),
    apologise: () => step('apologise', 'apology'),
  };
  return { channel, sent };
}

const notice = (text: string, visibility: Reply['visibility'] = 'public'): Reply => ({ visibility, view: { kind: 'notice', title: 't', text, actions: [] } });
/** `value()` after `ms`: its result, or its throw as a rejection. */
const later = <T>(ms: number, value: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(value());
      } catch (error) {
        reject(error);
      }
    }, ms),
  );
const IDS = { team: 'T1', user: 'U1', channel: 'C1', command: 'devops-quiz' };

describe('serveReply', () => {
  it('answers in time without deferring', async () => {
    const logger = recordingLogger();
    const { channel, sent } = recordingChannel({ deadlineMs: 200 });
    await serveReply({ platform: 'test', logger }, IDS, async () => notice('hi'), channel);
    expect(sent).toEqual(['answer public:hi']);
    expect(logger.lines.find((l) => l.msg === 'test: served')?.fields).toMatchObject({ ...IDS, late: false });
  });

  it('defers at the deadline, then answers late', async () => {
    const { channel, sent } = recordingChannel({ deadlineMs: 20 });
    await serveReply({ platform: 'test', logger: recordingLogger() }, IDS, () => later(80, () => notice('slow')), channel);
    expect(sent).toEqual(['defer', 'late public:slow']);
  });

  it('with no deadline (acknowledged already) just answers, however long it takes', async () => {
    const { channel, sent } = recordingChannel();
    await serveReply({ platform: 'test', logger: recordingLogger() }, IDS, () => later(30, () => notice('done')), channel);
    expect(sent).toEqual(['answer public:done']);
  });

  it('apologises for a fault, in time or after deferring, and logs it with the ids', async () => {
    for (const [deadlineMs, expected] of [
      [200, ['apology']],
      [10, ['defer', 'apology']],
    ] as const) {
      const logger = recordingLogger();
      const { channel, sent } = recordingChannel({ deadlineMs });
      await serveReply(
        { platform: 'test', logger },
        IDS,
        () =>
          later(40, () => {
            throw new Error('store is down');
          }),
        channel,
      );
      expect(sent).toEqual(expected);
      expect(logger.lines.find((l) => l.level === 'error')).toMatchObject({ msg: 'test: request failed', fields: IDS });
    }
  });

  it('counts a renderer that throws as a fault', async () => {
    const logger = recordingLogger();
    const { channel, sent } = recordingChannel();
    channel.render = () => {
      throw new Error('too big');
    };
    await serveReply({ platform: 'test', logger }, IDS, async () => notice('x'), channel);
    expect(sent).toEqual(['apology']);
    expect(logger.lines.some((l) => l.msg === 'test: request failed')).toBe(true);
  });

  it('apologises when the platform refuses the answer, and only logs a refused apology', async () => {
    const logger = recordingLogger();
    const { channel, sent } = recordingChannel({ fail: ['answer', 'apologise'] });
    await expect(serveReply({ platform: 'test', logger }, IDS, async () => notice('x'), channel)).resolves.toBeUndefined();
    expect(sent).toEqual(['answer public:x', 'apology']);
    expect(logger.lines.map((l) => `${l.level} ${l.msg}`)).toEqual(['error test: could not deliver the reply', 'warn test: could not deliver the apology']);
  });

  it('apologises when the deferral itself is refused, without answering late', async () => {
    const logger = recordingLogger();
    const { channel, sent } = recordingChannel({ deadlineMs: 10, fail: ['defer'] });
    await serveReply({ platform: 'test', logger }, IDS, () => later(40, () => notice('x')), channel);
    expect(sent).toEqual(['defer', 'apology']);
    expect(logger.lines.some((l) => l.msg === 'test: could not acknowledge in time')).toBe(true);
  });

  it('keeps a user error private whatever the handler said', async () => {
    const { channel, sent } = recordingChannel();
    const error: Reply = { visibility: 'public', replace: true, view: { kind: 'error', code: 'stale-action', message: 'old button' } };
    await serveReply({ platform: 'test', logger: recordingLogger() }, IDS, async () => error, channel);
    expect(sent).toEqual(['answer private:error']);
  });
});

describe('serve', () => {
  it("runs the request through the assistant and logs the request ids with the platform's own", async () => {
    const logger = recordingLogger();
    const { channel, sent } = recordingChannel();
    const request = cmd('devops-help', '', ctxFor('U9', 'Bo', 'C9'));
    const assistant = { commands: [], handle: async () => notice('help text', 'private') };
    await serve({ platform: 'test', logger, assistant }, request, channel, { interactionId: 'i1' });
    expect(sent).toEqual(['answer private:help text']);
    expect(logger.lines.find((l) => l.msg === 'test: served')?.fields).toMatchObject({ interactionId: 'i1', ...requestIds(request) });
    expect(requestIds(request)).toEqual({ team: 'T1', user: 'U9', channel: 'C9', command: 'devops-help' });
  });
});
