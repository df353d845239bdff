/**
 * Small memoisation tools for what is derived from content and never changes
 * while the process runs: filtered question pools, role posts, cards, and
 * their renderings. Caches are bounded, because some keys are user text.
 */

/** A map of at most `max` entries that drops the least recently used one first. */
export class BoundedCache<K, V> {
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest first.
  readonly #entries = new Map<K, V>();

  constructor(readonly max: number) {}

  /** The cached value, marked as just used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Caches `value`, dropping the least recently used entry beyond `max`. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  /** The cached value for `key`, made (and cached) by `make` when absent. */
  getOr(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const made = make();
    this.set(key, made);
    return made;
  }

  /** How many entries are cached. */
  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Per-owner caches (one per role runtime, say) that go away with their owner:
 * tests build many runtimes, and none should keep another's entries alive.
 */
export function cachesPer<O extends object, K, V>(max: number): (owner: O) => BoundedCache<K, V> {
  const caches = new WeakMap<O, BoundedCache<K, V>>();
  return (owner) => {
    let cache = caches.get(owner);
    if (!cache) {
      cache = new BoundedCache<K, V>(max);
      caches.set(owner, cache);
    }
    return cache;
  };
}

/**
 * Freezes `value` and everything reachable from it, and returns it. A cached
 * value is shared by every request that gets it, so none may change it; a
 * frozen view also tells renderers that their output for it can be reused.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
