/**
 * Through the real assistant on the file store: an answer is confirmed only once
 * it is durable, and a write that fails comes back as a `not-saved` reply that
 * every renderer shows, after which trying again just works.
 */
import { describe, expect, it, vi } from 'vitest';
import { renderReply as renderConsole } from '../../adapters/console/render.js';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { NOT_SAVED } from '../../src/assistant.js';
import type { Reply } from '../../src/views.js';
import { JournalFile } from '../../storage/journal.js';
import { openLowdbStore, openStoreReader } from '../../storage/lowdb-store.js';
import { answerRight, correctChoice, devopsRole, devopsSpace, startQuiz, viewOf } from '../core/support.js';
import { act, makeTestAssistant } from '../helpers/assistant.js';
import { recordingLogger, tempDir } from './helpers.js';

/** What another process would read from disk right now: the user's answered count. */
async function answeredOnDisk(dataDir: string): Promise<number | undefined> {
  return (await (await openStoreReader({ dataDir })).getUser(devopsSpace(), 'U1'))?.answered;
}

const notSaved: Reply = { visibility: 'private', view: { kind: 'error', code: 'not-saved', message: NOT_SAVED } };

describe('replies that record something', () => {
  it('resolve only once what they confirm is on disk (no flush, no close)', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir });
    const t = await makeTestAssistant({ store });
    let view = await startQuiz(t, 'start basic 3');
    for (let answered = 1; answered <= 3; answered++) {
      const reply = await answerRight(t, view);
      // Read by another opening at the moment the reply is in hand: the answer is already there.
      expect(await answeredOnDisk(dataDir)).toBe(answered);
      if (reply.view.kind !== 'quiz-question') break;
      view = reply.view;
    }
    await store.close();
  });

  it('say "not saved" when the write fails, record nothing, and the same button works once the disk is back', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir, logger: recordingLogger(), retryMs: 10 });
    const t = await makeTestAssistant({ store });
    const first = await startQuiz(t, 'start basic 2');
    const choice = correctChoice(devopsRole(t), first);
    const append = vi.spyOn(JournalFile.prototype, 'append').mockRejectedValue(new Error('EROFS: read-only file system, write'));

    const failed = await t.assistant.handle(act(choice.actionId));
    expect(failed.visibility).toBe('private');
    expect(viewOf(failed, 'error')).toEqual({ kind: 'error', code: 'not-saved', message: NOT_SAVED });
    expect(NOT_SAVED).toMatch(/not saved/i);
    expect(NOT_SAVED).toMatch(/try again/i);
    // While the disk fails, every reply that would record something says so at once.
    expect(viewOf(await t.assistant.handle(act(choice.actionId)), 'error').code).toBe('not-saved');
    expect(store.health().ok).toBe(false);
    expect(await answeredOnDisk(dataDir)).toBe(0);

    append.mockRestore();
    const deadline = Date.now() + 5_000;
    while (!store.health().ok && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    // The quiz did not move on: the button of the same question answers it now.
    const retried = viewOf(await t.assistant.handle(act(choice.actionId)), 'quiz-question');
    expect(retried.progress).toMatchObject({ number: 2, total: 2 });
    expect(retried.feedback?.outcome).toBe('correct');
    expect(await answeredOnDisk(dataDir)).toBe(1);
    await store.close();
  });

  it('that fail are shown as "not saved, try again" by every renderer', () => {
    const consoleText = renderConsole(notSaved, { color: false });
    const slack = JSON.stringify(renderSlack(notSaved));
    const discord = JSON.stringify(renderDiscord(notSaved));
    for (const text of [consoleText, slack, discord]) {
      expect(text).toMatch(/not saved/i);
      expect(text).toMatch(/try again/i);
    }
    expect(discord).toContain('Not saved');
  });
});
