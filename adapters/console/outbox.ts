/**
 * The console's outbox: what the bot posts by itself (a challenge's questions,
 * reveals and standings) is printed to the terminal, and its buttons become
 * typed words like a reply's (A–D answer a challenge question). The terminal
 * has no threads and cannot edit what it printed, so an update is printed
 * anew, and a question close to its deadline gets a "10 s left" line.
 */
import type { MessageRef, Outbox } from '../../src/outbox.js';
import type { View } from '../../src/views.js';

/** How the REPL shows a posted view (`updated`: it replaces one shown before), or a one-line remark. */
export interface ConsoleScreen {
  show(view: View, updated: boolean): void;
  remark(text: string): void;
}

/** The console outbox, to which the REPL attaches its screen once it runs. */
export interface ConsoleOutbox extends Outbox {
  attach(screen: ConsoleScreen): void;
  /** Cancels pending reminders (the session ended). */
  close(): void;
}

/** Seconds before a question's deadline at which the terminal is reminded. */
export const REMIND_AT_S = 10;

export function createConsoleOutbox(): ConsoleOutbox {
  let screen: ConsoleScreen | undefined;
  // Posts made before the REPL attached (an overdue round revealed at start-up) are shown once it does.
  const waiting: (() => void)[] = [];
  const reminders = new Map<string, NodeJS.Timeout>();
  let seq = 0;
  const onScreen = (show: (s: ConsoleScreen) => void) => {
    if (screen) show(screen);
    else waiting.push(() => screen && show(screen));
  };
  const remind = (message: string, view: View) => {
    if (view.kind !== 'challenge-question' || view.seconds <= REMIND_AT_S) return;
    const timer = setTimeout(
      () => {
        reminders.delete(message);
        onScreen((s) => s.remark(`⏱ ${REMIND_AT_S} s left on question ${view.number} of ${view.total}: type A, B, C or D.`));
      },
      (view.seconds - REMIND_AT_S) * 1000,
    );
    timer.unref();
    reminders.set(message, timer);
  };
  const forget = (message: string) => {
    clearTimeout(reminders.get(message));
    reminders.delete(message);
  };
  return {
    async post(channel, view) {
      const ref: MessageRef = { ...channel, message: `console-${++seq}` };
      onScreen((s) => s.show(view, false));
      remind(ref.message, view);
      return ref;
    },
    async update(ref, view) {
      forget(ref.message);
      onScreen((s) => s.show(view, true));
    },
    // A terminal has no threads: follow-ups are printed in order.
    openThread: async () => undefined,
    attach(next) {
      screen = next;
      for (const show of waiting.splice(0)) show();
    },
    close() {
      for (const message of [...reminders.keys()]) forget(message);
    },
  };
}
