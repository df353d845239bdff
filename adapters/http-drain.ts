/**
 * What every HTTP endpoint of the bot does after refusing an oversized body
 * (Slack's receiver, the Discord interactions endpoint): drain what the client
 * still sends, never buffering it, so it reads the refusal instead of a reset,
 * and cut the socket past a time or byte bound so nobody can hold it open.
 */
import type { IncomingMessage } from 'node:http';

/** How long a refused request may keep sending before its socket is cut. */
export const LINGER_MS = 2000;
/** How much a refused request may still send before its socket is cut. */
export const LINGER_BYTES = 4 * 1024 * 1024;

/** Drains (never buffers) the rest of a refused request, within LINGER_MS and LINGER_BYTES. */
export function drainRefused(req: IncomingMessage): void {
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > LINGER_BYTES) cut();
  });
  req.once('close', () => clearTimeout(timer));
  req.once('end', () => clearTimeout(timer));
  req.resume();
}
