/**
 * Whether the Postgres store can write right now. A failed query (a refused
 * or lost connection, a timeout, a failed commit) turns it `failing` until a
 * later query succeeds; while failing, a light probe (`SELECT 1`) runs every
 * few seconds so readiness recovers by itself once the database is back, even
 * with no traffic. Each failure streak is logged once, and its end once.
 */
import type { StoreHealth } from '../../src/ports.js';
import type { StoreLogger } from '../files.js';

/** Tracks the store's health; `probe` is the cheap query tried while failing. */
export class HealthTracker {
  #failure: { error: string; since: number } | undefined;
  #closed = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly label: string,
    private readonly logger: StoreLogger,
    private readonly probe: () => Promise<unknown>,
    private readonly probeMs = 2_000,
  ) {}

  /** A query failed with `message` (already free of secrets). */
  failed(message: string): void {
    if (this.#closed) return;
    if (this.#failure === undefined) {
      this.#failure = { error: `${this.label}: ${message}`, since: Date.now() };
      this.logger.error('postgres store: database unavailable, changes are not being saved', { database: this.label, error: message });
      this.#timer = setInterval(() => void this.probe().catch(() => undefined), this.probeMs);
      // The probe alone must never keep a process alive.
      this.#timer.unref();
    }
  }

  /** A query succeeded: the streak, if any, is over. */
  succeeded(): void {
    if (this.#failure === undefined) return;
    const downMs = Date.now() - this.#failure.since;
    this.#failure = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.logger.info('postgres store: database reachable again', { database: this.label, downMs });
  }

  health(): StoreHealth {
    if (this.#closed) return { ok: false, state: 'closed' };
    if (this.#failure) return { ok: false, state: 'failing', error: this.#failure.error, since: this.#failure.since };
    return { ok: true, state: 'ok' };
  }

  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
