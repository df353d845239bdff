/**
 * Bounded edit distance for typo tolerance. natural's Levenshtein builds a full
 * matrix of objects; this keeps two rows and stops as soon as the bound is out
 * of reach, which matters when a query word is compared with a whole vocabulary.
 */

/**
 * How many edits a word of this length may carry and still count as that word:
 * none below 5 letters (too many short words are one edit apart), 1 for 5–7,
 * 2 for 8 and more.
 */
export function maxTypoDistance(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** Rows of the distance matrix, reused across calls and grown as needed. */
let rows = new Int32Array(96);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition,
 * the commonest typing slip) between `a` and `b`; any value above `max` comes
 * back as `max + 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rows in one reused buffer: this runs thousands of times per typo lookup and per grade.
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(6 * (n + 1));
  let prev2 = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  for (let j = 0; j <= n; j++) {
    rows[prev2 + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((rows[prev + j] ?? 0) + 1, (rows[cur + j - 1] ?? 0) + 1, (rows[prev + j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (rows[prev2 + j - 2] ?? 0) + 1);
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const free = prev2;
    prev2 = prev;
    prev = cur;
    cur = free;
  }
  const d = rows[prev + n] ?? max + 1;
  return d > max ? max + 1 : d;
}
