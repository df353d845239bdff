/**
 * One cold start, phase by phase, for bench/cli.ts: spawned as a fresh
 * process, it does what `npm run cli -- "/devops-question"` does (boot with the
 * file store, one request, render, close) and prints one JSON line of
 * milliseconds. JavaScript, so plain node can run it against dist/ as well as
 * tsx against the TypeScript sources.
 *
 *   node bench/cold-probe.mjs dist cached      (compiled, content cache on)
 *   node --import tsx bench/cold-probe.mjs . uncached
 */
const processStartToScript = performance.now();
const [base = 'dist', cacheMode = 'cached'] = process.argv.slice(2);
const root = new URL('..', import.meta.url);
const at = (path) => new URL(`${base === '.' ? '' : `${base}/`}${path}`, root).href;

const t0 = performance.now();
const boot = await import(at('adapters/boot.js'));
const { loadRoles } = await import(at('src/content/load.js'));
const { contentCache } = await import(at('adapters/content-cache.js'));
const { createAssistant } = await import(at('src/assistant.js'));
const { openLowdbStore } = await import(at('storage/lowdb-store.js'));
const { renderReply } = await import(at('adapters/console/render.js'));
const t1 = performance.now();
const options = cacheMode === 'cached' ? { cache: contentCache(boot.CONTENT_CACHE_DIR) } : {};
const roles = await loadRoles(boot.contentDir(process.env), options);
const t2 = performance.now();
const store = await openLowdbStore({ dataDir: boot.dataDir(process.env), logger: { info() {}, warn() {}, error() {} } });
const assistant = createAssistant({ roles, store, clock: boot.systemClock, random: boot.systemRandom });
const t3 = performance.now();
const ctx = { user: { platform: 'console', id: 'bench', name: 'bench' }, space: 'console', conversation: 'terminal' };
const reply = await assistant.handle({ type: 'command', command: `${roles[0].commandPrefix}-question`, text: '', ctx });
process.stdout.write(`${renderReply(reply, { color: false }).split('\n')[0]}\n`);
const t4 = performance.now();
// Not part of a one-shot question, but where the cost of the search index went: its first use.
await assistant.handle({ type: 'command', command: `${roles[0].commandPrefix}-search`, text: 'kubernetes', ctx });
const t5 = performance.now();
await store.close();
process.stdout.write(
  `${JSON.stringify({ nodeStart: processStartToScript, modules: t1 - t0, content: t2 - t1, storeAndCore: t3 - t2, firstReply: t4 - t3, firstSearch: t5 - t4, total: t4 })}\n`,
);
