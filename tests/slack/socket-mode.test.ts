/** Socket Mode: the real Bolt app connecting to a local WebSocket server. */

import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createLogger } from '../../adapters/logger.js';
import { createSlackApp, type SlackApp } from '../../adapters/slack/app.js';
import { makeTestAssistant } from '../helpers/assistant.js';
import { BOT_TOKEN, type FakeSlackApi, type Posted, type ResponseServer, startFakeSlackApi, startResponseServer, until } from './fakes.js';

let api: FakeSlackApi;
let responses: ResponseServer;
let wss: WebSocketServer;
let slack: SlackApp;
const acks: { envelope_id: string; payload?: unknown }[] = [];
const logs: string[] = [];
let socket: WebSocket | undefined;

beforeAll(async () => {
  api = await startFakeSlackApi();
  responses = await startResponseServer();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as { envelope_id: string }));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'local', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A1' },
      }),
    );
  });
  const { assistant } = await makeTestAssistant();
  slack = createSlackApp({
    assistant,
    logger: createLogger({ level: 'debug', write: (l) => logs.push(l) }),
    config: { mode: 'socket', botToken: BOT_TOKEN, appToken: 'xapp-test', port: 0, host: '127.0.0.1', apiUrl: api.url },
  });
  await slack.start();
});

afterAll(async () => {
  await slack.stop();
  for (const c of wss.clients) c.terminate();
  await new Promise((r) => wss.close(r));
  await responses.close();
  await api.close();
});

describe('Socket Mode', () => {
  it('connects through apps.connections.open with the app token and says so', () => {
    const open = api.calls.find((c) => c.method === 'apps.connections.open')!;
    expect(open.authorization).toBe('Bearer xapp-test');
    expect(logs.some((l) => l.includes('Socket Mode connected'))).toBe(true);
    expect(logs.join('\n')).not.toContain('xapp-test');
  });

  it('answers a slash command in the envelope ack payload', async () => {
    const url = responses.next();
    socket!.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'legacy',
          team_id: 'T1',
          team_domain: 'test',
          channel_id: 'C1',
          channel_name: 'general',
          user_id: 'U1',
          user_name: 'ada',
          command: '/devops-role',
          text: 'skills',
          api_app_id: 'A1',
          response_url: url,
          trigger_id: 'trig',
        },
      }),
    );
    const ack = await until(() => acks.find((a) => a.envelope_id === 'env-1'), 'the envelope ack');
    const m = ack.payload as Posted;
    expect(m.response_type).toBe('in_channel');
    expect(JSON.stringify(m)).toMatch(/skill/i);
    await new Promise((r) => setTimeout(r, 50));
    expect(responses.all(url)).toHaveLength(0);
  });
});
