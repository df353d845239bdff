/**
 * `scorecards --json` and `scorecards --markdown <id>`: interview scorecards
 * out of the store (Postgres when DATABASE_URL is set, else the file) for the
 * operator (a hiring tool, an archive). Read-only like `flags`: no lock, so it
 * works beside a running bot. Scorecards past
 * INTERVIEW_RETENTION_DAYS are never exported, even before the bot's next
 * purge has deleted them. The JSON lines are a public interface (fields are
 * only ever added); every string in either form is made inert (no mentions).
 */
import { ContentError, loadRoles } from '../../src/content/load.js';
import { scorecardJson, scorecardMarkdown } from '../../src/interview/export.js';
import { retentionCutoff } from '../../src/interview/retention.js';
import { contentDir } from '../boot.js';
import { retentionDays } from '../retention.js';
import { jsonLineWriter } from './json-lines.js';
import { withReadOnlyStore } from './read-store.js';

/** What the command needs: the environment, the streams, and the time (for retention). */
export interface ScorecardsIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => number;
}

const USAGE = 'panelist: "scorecards" takes --json (every scorecard, one JSON line each) or --markdown <id> (one, as Markdown)';

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text.endsWith('\n') ? text : `${text}\n`)) resolve();
    else stream.once('drain', () => resolve());
  });
}

/** Runs `scorecards <args>`; resolves to the exit code (1 for a usage error or an unknown id). */
export async function runScorecards(args: readonly string[], io: ScorecardsIo): Promise<number> {
  const json = args.includes('--json');
  const at = args.indexOf('--markdown');
  const id = at >= 0 ? args[at + 1]?.trim() : undefined;
  if (json === at >= 0 || (at >= 0 && !id)) {
    await write(io.stderr, USAGE);
    return 1;
  }
  const days = retentionDays(io.env);
  const cutoff = retentionCutoff((io.now ?? Date.now)(), days);
  const { label, all } = await withReadOnlyStore(io.env, async (store) => ({ label: store.label, all: await store.allScorecards() }));
  const cards = all.filter((c) => c.finished > cutoff);
  if (json) {
    const out = jsonLineWriter(io.stdout);
    for (const card of cards) await out(scorecardJson(card));
    return 0;
  }
  // Ids are per author; two authors' ids could meet, and then both are printed.
  const found = cards.filter((c) => c.id === id);
  if (found.length === 0) {
    await write(io.stderr, `panelist: no scorecard "${id}" in ${label} (scorecards --json lists them)`);
    return 1;
  }
  // The role's title heads the Markdown when the content loads; a scorecard never depends on it.
  const roles = await loadRoles(contentDir(io.env)).catch((error: unknown) => {
    if (error instanceof ContentError) return [];
    throw error;
  });
  for (const [i, card] of found.entries()) {
    const roleTitle = roles.find((r) => r.id === card.roleId)?.title;
    await write(io.stdout, `${i > 0 ? '\n---\n\n' : ''}${scorecardMarkdown(card, roleTitle ? { roleTitle } : {})}`);
  }
  return 0;
}
