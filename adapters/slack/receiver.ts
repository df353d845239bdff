/**
 * The HTTP mode's receiver: Bolt's own HTTPReceiver with a guard in front of
 * the events endpoint. Bolt would buffer up to 4 MB before checking anything,
 * and a signed body that is valid JSON but not an object (`payload=null`)
 * crashes its request handler and leaves the request hanging. The guard
 * refuses a large body before reading it (Content-Length) or as soon as it
 * grows too large (chunked), and answers 400 to a signed body Bolt could not
 * route; everything else goes to Bolt unchanged, signature check included.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import {
  type Logger as BoltLogger,
  type BufferedIncomingMessage,
  type CustomRoute,
  HTTPReceiver,
  type HTTPReceiverOptions,
  isValidSlackRequest,
} from '@slack/bolt';
import { drainRefused } from '../http-drain.js';
import type { Logger } from '../logger.js';
import type { OpsHandler } from '../ops-http.js';
import { envelopeProblem } from './listeners/payloads.js';

/** Where Slack sends commands and interactions. */
export const EVENTS_PATH = '/slack/events';

/**
 * Largest request body accepted, in bytes. Slack's own payloads stay far
 * below it (a block_actions payload carries at most a 50-block message), so
 * anything larger is not Slack and is refused before it is buffered.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** What the guarded receiver needs. */
export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
  customRoutes: CustomRoute[];
  /** Defaults to {@link BODY_LIMIT_BYTES}; tests lower it. */
  bodyLimit?: number;
  /** The ops endpoints (/healthz, /readyz, /metrics, from ops-http.ts), answered before Bolt sees the request. */
  ops?: OpsHandler;
  /** Bolt's OAuth options (GET /slack/install and /slack/oauth_redirect), from oauth/flow.ts; absent: one workspace. */
  oauth?: ReceiverOAuthOptions;
}

/** The HTTPReceiver options that turn on Bolt's OAuth flow. */
export type ReceiverOAuthOptions = Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'stateSecret' | 'redirectUri' | 'installationStore' | 'scopes' | 'installerOptions'
>;

/**
 * After refusing a body as too large, how long and how much of the rest is
 * read and thrown away before the connection is cut. Closing at once, with
 * unread data, makes TCP send a reset that can destroy the 413 before the
 * client reads it; draining forever would let a client stream without end.
 */
export { LINGER_BYTES, LINGER_MS } from '../http-drain.js';

/** Answers without a body. */
function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-length': 0 });
  res.end();
}

/** Answers 413 at once, then drains (never buffers) what still comes, within LINGER_MS and LINGER_BYTES. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  refuse(res, 413);
  drainRefused(req);
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Reads the body up to `limit` bytes; undefined once it grows past (or the client goes away). */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (result: Buffer | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        stop(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => stop(Buffer.concat(chunks));
    const onError = () => stop(undefined);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * The common case, a slash command, checked without the envelope schema (its
 * union costs more than the rest of the guard): a form, exactly as Bolt reads
 * one, with one `command` field naming a command and no `payload`. Anything
 * else goes through `envelopeProblem`.
 */
function isPlainCommand(contentType: string | undefined, raw: string): boolean {
  if (contentType !== 'application/x-www-form-urlencoded') return false;
  const form = parseForm(raw);
  return form.payload === undefined && typeof form.command === 'string' && form.command.startsWith('/');
}

/**
 * Guards one request to the events endpoint; true when Bolt should take it
 * (the body is then pre-read as `rawBody`, which Bolt uses as is).
 */
async function admit(req: IncomingMessage, res: ServerResponse, options: GuardedReceiverOptions, limit: number): Promise<boolean> {
  const declared = Number(header(req, 'content-length') || '0');
  if (declared > limit) {
    options.logger.warn('slack: request body too large', { bytes: declared, limit });
    refuseTooLarge(req, res);
    return false;
  }
  const body = await readCapped(req, limit);
  if (!body) {
    if (req.readableAborted || req.destroyed) return false;
    options.logger.warn('slack: request body too large', { limit });
    refuseTooLarge(req, res);
    return false;
  }
  (req as BufferedIncomingMessage).rawBody = body;
  const text = body.toString('utf8');
  if (isPlainCommand(req.headers['content-type'], text)) return true;
  const problem = envelopeProblem(req.headers['content-type'], text);
  if (problem === undefined) return true;
  // Unsigned requests stay Bolt's to answer (401, or its unsigned ssl_check).
  const signed = isValidSlackRequest({
    signingSecret: options.signingSecret,
    body: text,
    headers: { 'x-slack-signature': header(req, 'x-slack-signature'), 'x-slack-request-timestamp': Number(header(req, 'x-slack-request-timestamp')) },
  });
  if (!signed) return true;
  options.logger.warn('slack: malformed request refused', { problem });
  refuse(res, 400);
  return false;
}

/** Bolt's HTTPReceiver serving `/slack/events` and `customRoutes`, with the guard in front. */
export function createGuardedReceiver(options: GuardedReceiverOptions): HTTPReceiver {
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: EVENTS_PATH,
    customRoutes: options.customRoutes,
    logger: options.boltLogger,
    // Bolt's own cap stays as a second line, should a body ever reach it unread.
    bodyLimit: limit,
    ...options.oauth,
  });
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (options.ops?.(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      inner(req, res);
      return;
    }
    admit(req, res, options, limit).then(
      (admitted) => {
        if (admitted) inner(req, res);
      },
      (error: unknown) => {
        options.logger.error('slack: request guard failed', { error });
        refuse(res, 500);
      },
    );
  };
  return receiver;
}
