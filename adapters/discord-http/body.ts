/**
 * Reading a request body with a ceiling: a body declared too large is refused
 * before it is read, one that grows too large while streaming as soon as it
 * does. Discord's interactions are a few kilobytes; anything near the limit
 * is not Discord.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { drainRefused } from '../http-drain.js';

/** Largest accepted interaction body: 1 MiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * After a 413, how long and how much of the rest is drained before the
 * connection is cut: closing with unread data makes TCP reset the connection,
 * which can destroy the 413 before the client reads it.
 */

/** The body, `too-large` past `limit` bytes, or `gone` when the client went away. */
export type BodyOutcome = { ok: true; body: Buffer } | { ok: false; why: 'too-large' | 'gone' };

/** Reads the body of `req` up to `limit` bytes, never buffering more. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, why: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (outcome: BodyOutcome) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('aborted', onGone);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        req.pause();
        stop({ ok: false, why: 'too-large' });
      }
    };
    const onEnd = () => stop({ ok: true, body: Buffer.concat(chunks) });
    const onGone = () => stop({ ok: false, why: 'gone' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('aborted', onGone);
  });
}

/** Answers 413, then drains (never buffers) what still comes, within LINGER_MS and LINGER_BYTES. */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('request body too large\n');
  drainRefused(req);
}
