/**
 * The writer's bookkeeping of durability: every accepted change gets a number;
 * a group commit makes a prefix of them durable; a failed write marks the ones
 * not yet durable as lost. Waiters (replies, flushes) are told which happened.
 */
import { StoreWriteError } from '../src/ports.js';

/**
 * Replies released per turn of the event loop once their group is durable.
 * Each one's continuation (render, send, often the next change) runs before
 * the loop turns again, so a group of 50 released at once would hold it for
 * all 50; a few per turn keep it responsive and let the next group start.
 */
const RELEASE_PER_TURN = 8;
/** Lost ranges kept; a failure streak merges into one, so this covers 1000 streaks. */
const MAX_LOST_RANGES = 1000;

interface Waiter {
  ranges: [number, number][];
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Change numbers, what is durable, what was lost, and who waits. */
export class Ledger {
  /** Number of the latest accepted change. */
  seq = 0;
  /** Every change up to this number is durable (unless lost). */
  durable = 0;
  /** Counts rollbacks: a request that saw another epoch may have read undone changes. */
  epoch = 0;
  /** Ranges of change numbers that were rolled back, oldest first. */
  private readonly lost: [number, number][] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly releasing: (() => void)[] = [];
  private releaseScheduled = false;

  /** `why()` describes the current failure for the errors of lost changes. */
  constructor(private readonly why: () => string) {}

  /** Numbers a new change. */
  next(): number {
    return ++this.seq;
  }

  /** Every change up to `last` is durable now. */
  committed(last: number): void {
    this.durable = Math.max(this.durable, last);
    this.settle();
  }

  /** Every change not durable yet was undone. */
  rolledBack(): void {
    if (this.seq > this.durable) {
      const last = this.lost.at(-1);
      if (last !== undefined && last[0] === this.durable + 1) last[1] = this.seq;
      else this.lost.push([this.durable + 1, this.seq]);
      if (this.lost.length > MAX_LOST_RANGES) this.lost.shift();
    }
    this.epoch++;
    this.settle();
  }

  /** Resolves when every change in `ranges` is durable; rejects with `StoreWriteError` if one was lost. */
  wait(ranges: [number, number][]): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { ranges, resolve, reject };
      if (!this.check(waiter)) this.waiters.add(waiter);
    });
  }

  /** The changes a flush waits for: those accepted and neither durable nor already reported lost. */
  unsettled(): [number, number] | undefined {
    const from = Math.max(this.durable, this.lost.at(-1)?.[1] ?? 0) + 1;
    return this.seq >= from ? [from, this.seq] : undefined;
  }

  /** Settles a waiter if it can be (queued to be told); true when it was. */
  private check(waiter: Waiter): boolean {
    if (waiter.ranges.some(([lo, hi]) => this.lost.some(([a, b]) => a <= hi && lo <= b))) {
      const error = new StoreWriteError(`${this.why()}; the change was not saved`);
      this.release(() => waiter.reject(error));
      return true;
    }
    if (waiter.ranges.every(([, hi]) => hi <= this.durable)) {
      this.release(waiter.resolve);
      return true;
    }
    return false;
  }

  private settle(): void {
    for (const waiter of this.waiters) if (this.check(waiter)) this.waiters.delete(waiter);
  }

  private release(tell: () => void): void {
    this.releasing.push(tell);
    if (this.releaseScheduled) return;
    this.releaseScheduled = true;
    // The first batch in this turn: a lone reply waits for nothing but its write.
    queueMicrotask(() => this.releaseBatch());
  }

  private releaseBatch(): void {
    for (const tell of this.releasing.splice(0, RELEASE_PER_TURN)) tell();
    if (this.releasing.length > 0) setImmediate(() => this.releaseBatch());
    else this.releaseScheduled = false;
  }
}
