/**
 * One request through the core and back to Slack: handle, render, send; a
 * fault is logged with the request's ids and answered with a private apology.
 * Slash commands can carry the reply in the acknowledgement itself (`serveInAck`).
 */
import type { Assistant } from '../../../src/assistant.js';
import type { Request } from '../../../src/requests.js';
import type { Reply } from '../../../src/views.js';
import type { Logger } from '../../logger.js';
import { apology, renderReply, type SlackResponse } from '../render.js';

/** What every listener needs. */
export interface ListenerDeps {
  assistant: Assistant;
  logger: Logger;
}

/** Sends a message to the request's response_url. */
export type Send = (message: SlackResponse) => Promise<unknown>;

/** Acknowledges the request; a message becomes the HTTP response body (or the Socket Mode envelope payload). */
export type Ack = (message?: SlackResponse) => Promise<void>;

/** Ids for log lines: enough to find the request, never a token or user text. */
export function requestIds(request: Request): Record<string, string> {
  return {
    team: request.ctx.space,
    user: request.ctx.user.id,
    channel: request.ctx.conversation,
    ...(request.type === 'command' ? { command: request.command } : { action: request.actionId }),
  };
}

// User mistakes (including stale buttons) concern only the user: never post
// them to the channel, and never wipe the message the button was on.
function privateErrors(reply: Reply): Reply {
  return reply.view.kind === 'error' ? { visibility: 'private', view: reply.view } : reply;
}

/** The rendered reply, or the apology after a fault (logged here). */
interface Outcome {
  message: SlackResponse;
  fault: boolean;
}

async function prepare(deps: ListenerDeps, request: Request, ids: Record<string, string>): Promise<Outcome> {
  try {
    return { message: renderReply(privateErrors(await deps.assistant.handle(request))), fault: false };
  } catch (error) {
    deps.logger.error('slack: request failed', { ...ids, error });
    return { message: apology(), fault: true };
  }
}

async function deliver(deps: ListenerDeps, ids: Record<string, string>, outcome: Outcome, send: Send): Promise<void> {
  if (outcome.fault) return apologise(deps, ids, send);
  try {
    await send(outcome.message);
  } catch (error) {
    deps.logger.error('slack: could not deliver the reply', { ...ids, error });
    await apologise(deps, ids, send);
  }
}

/** Serves one request whose ack has already been sent; never throws. */
export async function serve(deps: ListenerDeps, request: Request, send: Send): Promise<void> {
  const ids = requestIds(request);
  await deliver(deps, ids, await prepare(deps, request, ids), send);
}

/**
 * Serves one request that is not acknowledged yet: when the reply (or the
 * apology) is ready within `deadlineMs` it is the ack itself, which saves a
 * round trip to the response_url; otherwise the ack goes out empty at the
 * deadline and the reply follows through `send`. Only `ack` may throw (as a
 * bare `ack()` would).
 */
export async function serveInAck(deps: ListenerDeps, request: Request, ack: Ack, send: Send, deadlineMs: number): Promise<void> {
  const ids = requestIds(request);
  const outcome = prepare(deps, request, ids);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), deadlineMs);
  });
  const ready = await Promise.race([outcome, deadline]);
  clearTimeout(timer);
  if (ready) {
    await ack(ready.message);
    return;
  }
  await ack();
  await deliver(deps, ids, await outcome, send);
}

/** Sends the apology; a failure is only logged (the response_url may be gone). */
export async function apologise(deps: ListenerDeps, ids: Record<string, string>, send: Send): Promise<void> {
  try {
    await send(apology());
  } catch (error) {
    deps.logger.warn('slack: could not deliver the apology', { ...ids, error });
  }
}
