/**
 * How Slack answers one request, for the shared serve loop (adapters/serve.ts).
 * A slash command can carry its reply in the acknowledgement itself when it is
 * ready in time, which saves a round trip; otherwise it is acknowledged empty
 * and the reply goes to the response_url. Buttons and forms are acknowledged
 * at once (a modal must open within 3 s), so they always use the response_url.
 */
import type { Assistant } from '../../../src/assistant.js';
import type { Logger } from '../../logger.js';
import type { Channel } from '../../serve.js';
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

/** A slash command not acknowledged yet: past `deadlineMs` the ack goes out empty and the reply follows through `send`. */
export function commandChannel(ack: Ack, send: Send, deadlineMs: number): Channel<SlackResponse> {
  let acked = false;
  // Marked before the call: an ack that failed may still have been sent, and a second one must not be tried.
  const ackWith = (message?: SlackResponse) => {
    acked = true;
    return ack(message);
  };
  return {
    render: renderReply,
    deadline: { ms: deadlineMs, defer: () => ackWith() },
    answer: (message) => ackWith(message),
    answerLate: async (message) => {
      await send(message);
    },
    apologise: async () => {
      await (acked ? send(apology()) : ackWith(apology()));
    },
  };
}

/** A button press or form submit, acknowledged already: everything goes through `send`. */
export function respondChannel(send: Send): Channel<SlackResponse> {
  const deliver = async (message: SlackResponse) => {
    await send(message);
  };
  return { render: renderReply, answer: deliver, answerLate: deliver, apologise: () => deliver(apology()) };
}
