/**
 * The real Bolt app in HTTP mode against the local fakes, with helpers that
 * act like Slack: run a command, press a button, submit a modal.
 */

import { createLogger, type Logger } from '../../adapters/logger.js';
import { createSlackApp, type ReadinessCheck, type SlackApp } from '../../adapters/slack/app.js';
import type { Assistant } from '../../src/assistant.js';
import {
  ADA,
  actionBody,
  BOT_TOKEN,
  buttonsOf,
  commandBody,
  type FakeSlackApi,
  type Posted,
  postSigned,
  type ResponseServer,
  SIGNING_SECRET,
  startFakeSlackApi,
  startResponseServer,
  submitBody,
  type TestUser,
} from './fakes.js';

export interface Harness {
  api: FakeSlackApi;
  responses: ResponseServer;
  slack: SlackApp;
  /** The events endpoint. */
  url: string;
  /** Captured log lines (JSON). */
  logs: string[];
  /** Runs a command and returns the reply from the ack (the HTTP response body); throws when the ack is empty. */
  command(name: string, text?: string, user?: TestUser): Promise<Posted & { responseUrl: string }>;
  /** Presses the button whose label or action id matches, on `message`; returns the reply. */
  press(message: Posted, match: string | RegExp, user?: TestUser): Promise<Posted & { responseUrl: string }>;
  /** Presses a prompt button, then submits `text` in the modal; returns the graded reply. */
  answerInModal(message: Posted, match: string | RegExp, text: string, user?: TestUser): Promise<Posted & { responseUrl: string }>;
  close(): Promise<void>;
}

/** Finds a button by label or action id. */
export function findButton(message: Posted, match: string | RegExp): { action_id: string; value?: string } {
  const all = buttonsOf(message);
  const hit = all.find((b) =>
    typeof match === 'string' ? b.text.text === match || b.action_id === match : match.test(b.text.text) || match.test(b.action_id),
  );
  if (!hit) throw new Error(`no button ${String(match)} among ${all.map((b) => b.text.text).join(', ')}`);
  return hit;
}

/** Options of the harness; `readiness` and `bodyLimit` go to the app as they are. */
export interface HarnessOptions {
  logger?: Logger;
  ackDeadlineMs?: number;
  readiness?: ReadinessCheck;
  bodyLimit?: number;
}

export async function startHarness(assistant: Assistant, options: HarnessOptions = {}): Promise<Harness> {
  const api = await startFakeSlackApi();
  const responses = await startResponseServer();
  const logs: string[] = [];
  const logger = options.logger ?? createLogger({ level: 'debug', write: (l) => logs.push(l) });
  const slack = createSlackApp({
    assistant,
    logger,
    config: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1', apiUrl: api.url },
    ...(options.ackDeadlineMs === undefined ? {} : { ackDeadlineMs: options.ackDeadlineMs }),
    ...(options.readiness === undefined ? {} : { readiness: options.readiness }),
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
  });
  await slack.start();
  const url = `http://127.0.0.1:${slack.address()!.port}/slack/events`;

  const send = async (body: string): Promise<string> => {
    const res = await postSigned(url, body);
    if (res.status !== 200) throw new Error(`events endpoint answered ${res.status}: ${res.text}`);
    return res.text;
  };

  const h: Harness = {
    api,
    responses,
    slack,
    url,
    logs,
    async command(name, text = '', user = ADA) {
      const responseUrl = responses.next();
      const acked = await send(commandBody(name, text, responseUrl, user));
      if (!acked) throw new Error(`/${name} was acked empty: its reply was not ready by the deadline`);
      return { ...(JSON.parse(acked) as Posted), responseUrl };
    },
    async press(message, match, user = ADA) {
      const responseUrl = responses.next();
      await send(actionBody(findButton(message, match), responseUrl, user));
      return { ...(await responses.message(responseUrl)), responseUrl };
    },
    async answerInModal(message, match, text, user = ADA) {
      const responseUrl = responses.next();
      const opened = api.calls.filter((c) => c.method === 'views.open').length;
      await send(actionBody(findButton(message, match), responseUrl, user));
      const call = await api.waitFor('views.open', opened);
      const view = call.args.view as { callback_id: string; private_metadata: string };
      await send(submitBody(view, text, user));
      return { ...(await responses.message(responseUrl)), responseUrl };
    },
    async close() {
      await slack.stop();
      await responses.close();
      await api.close();
    },
  };
  return h;
}
