/**
 * One request through the core and back to Slack: handle, render, send; a
 * fault is logged with the request's ids and answered with a private apology.
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

/** Serves one request; never throws. */
export async function serve(deps: ListenerDeps, request: Request, send: Send): Promise<void> {
  const ids = requestIds(request);
  let message: SlackResponse;
  try {
    message = renderReply(privateErrors(await deps.assistant.handle(request)));
  } catch (error) {
    deps.logger.error('slack: request failed', { ...ids, error });
    await apologise(deps, ids, send);
    return;
  }
  try {
    await send(message);
  } catch (error) {
    deps.logger.error('slack: could not deliver the reply', { ...ids, error });
    await apologise(deps, ids, send);
  }
}

/** Sends the apology; a failure is only logged (the response_url may be gone). */
export async function apologise(deps: ListenerDeps, ids: Record<string, string>, send: Send): Promise<void> {
  try {
    await send(apology());
  } catch (error) {
    deps.logger.warn('slack: could not deliver the apology', { ...ids, error });
  }
}
