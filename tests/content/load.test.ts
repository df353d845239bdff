/** Content loading: the real roles, the DevOps role's fidelity to its source document, error reporting, and a second role. */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ContentError, loadRoleFile, loadRoles, parseRole } from '../../src/content/load.js';
import { CHOICE_MAX, type Question, type Role } from '../../src/content/schema.js';
import { createAnalyzer } from '../../src/search/text.js';
import type { View } from '../../src/views.js';
import { act, CONTENT_DIR, cmd, ctxFor, FIXTURE_ROLES_DIR, makeTestAssistant } from '../helpers/assistant.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const SEED = resolve(repoRoot, '../shared/seed/devops-engineer.txt');
const DEVOPS_FILE = join(CONTENT_DIR, 'devops-engineer.yaml');
const SRE_FILE = join(FIXTURE_ROLES_DIR, 'sre-mini.yaml');

let devops: Role;
let devopsText: string;
let tmp: string;
/** Every role in the content directory: DevOps today, more as role files are added. */
let roles: Role[];

beforeAll(async () => {
  devopsText = await readFile(DEVOPS_FILE, 'utf8');
  devops = await loadRoleFile(DEVOPS_FILE);
  roles = await loadRoles(CONTENT_DIR);
  tmp = await mkdtemp(join(tmpdir(), 'panelist-content-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let dirCount = 0;
/** A fresh directory holding the given files. */
async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = join(tmp, `d${++dirCount}`);
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** The ContentError a promise rejects with. */
async function contentError(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, at).split('\n').length;
}

/** Replaces exactly the first occurrence, failing if absent. */
function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" not in text`);
  return text.replace(from, to);
}

/** The questions whose answers come verbatim from the role document. */
const fromDocument = (role: Role): Question[] => role.questions.filter((q) => q.source === 'document');

describe('the real DevOps Engineer content', () => {
  it('loads from the content directory, beside any other role', () => {
    expect(roles.map((r) => [r.id, r.commandPrefix])).toContainEqual(['devops-engineer', 'devops']);
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
    expect(new Set(roles.map((r) => r.commandPrefix)).size).toBe(roles.length);
  });

  it("keeps the role document's 22 questions (8 basic, 8 technical, 6 advanced) among unique ids", () => {
    const document = fromDocument(devops);
    expect(document).toHaveLength(22);
    const count = (tier: string) => document.filter((q) => q.tier === tier).length;
    expect([count('basic'), count('technical'), count('advanced')]).toEqual([8, 8, 6]);
    expect(new Set(devops.questions.map((q) => q.id)).size).toBe(devops.questions.length);
  });

  it('has the role document sections', () => {
    expect(devops.useCases).toHaveLength(5);
    for (const u of devops.useCases) expect(u.examples).toHaveLength(4);
    expect(devops.mistakes).toHaveLength(6);
    expect(devops.responsibilities).toHaveLength(6);
    expect(devops.skills.technical).toHaveLength(6);
    expect(devops.skills.soft).toHaveLength(6);
  });

  it.runIf(existsSync(SEED))('carries every answer and role text verbatim from the source document', async () => {
    const seed = (await readFile(SEED, 'utf8')).replace(/\r\n/g, '\n');
    const missing = [
      ...fromDocument(devops).map((q) => ({ what: `answer of ${q.id}`, text: q.answer })),
      { what: 'summary', text: devops.summary },
      { what: 'description', text: devops.description },
      ...devops.responsibilities.map((text, i) => ({ what: `responsibility ${i}`, text })),
      ...[...devops.skills.technical, ...devops.skills.soft].map((text, i) => ({ what: `skill ${i}`, text })),
      ...devops.useCases.flatMap((u) => [{ what: `use case ${u.id}`, text: u.context }, ...u.examples.map((text) => ({ what: `example of ${u.id}`, text }))]),
      ...devops.mistakes.map((m) => ({ what: `mistake ${m.id}`, text: m.text })),
    ].filter(({ text }) => !seed.includes(text));
    expect(missing.map((m) => m.what)).toEqual([]);
  });

  it('gives every question of every role 3-6 key points with terms, 1-3 follow-ups, short distinct choices and real red flags', () => {
    for (const role of roles) checkQuestions(role);
  });

  it("keeps every role's key points and contradictions evidenced by specific terms, never by the prompt or generic words alone", () => {
    for (const role of roles) {
      const analyzer = createAnalyzer(role.synonyms);
      const generic = new Set(role.genericTerms.map((g) => analyzer.terms(g).join(' ')));
      const genericWords = new Set(role.genericTerms.flatMap((g) => (analyzer.terms(g).length === 1 ? analyzer.terms(g) : [])));
      for (const q of role.questions) {
        const weak = new Set([...analyzer.terms(q.prompt), ...genericWords]);
        const specific = (term: string) => !generic.has(analyzer.terms(term).join(' ')) && analyzer.terms(term).some((t) => !weak.has(t));
        for (const claim of [
          ...q.keyPoints.map((k) => ({ label: k.point, terms: k.terms })),
          ...q.contradictions.map((c) => ({ label: c.feedback, terms: c.terms })),
        ]) {
          const where = `${role.id}/${q.id}: ${claim.label}`;
          expect(claim.terms.filter(specific).length, where).toBeGreaterThan(0);
        }
      }
    }
  });

  it('writes the DevOps evidence the way strong candidates talk, and keeps field-generic words out of it', () => {
    const analyzer = createAnalyzer(devops.synonyms);
    // Generic phrases are weak only as a whole (see src/quiz/claims.ts), so only one-word entries count here.
    const genericWords = new Set(devops.genericTerms.map((g) => analyzer.terms(g)).flatMap((t) => (t.length === 1 ? t : [])));
    expect(devops.genericTerms.length).toBeGreaterThanOrEqual(40);
    expect(devops.genericTerms.length).toBeLessThanOrEqual(80);
    for (const word of ['every service', 'business', 'database', 'culture', 'state file', 'service', 'production']) {
      expect(devops.genericTerms, word).toContain(word);
    }
    for (const q of devops.questions) {
      for (const k of q.keyPoints) {
        expect(k.terms.length, `${q.id}: ${k.point}`).toBeGreaterThanOrEqual(6);
        expect(k.terms.length, `${q.id}: ${k.point}`).toBeLessThanOrEqual(15);
        for (const term of k.terms) {
          const t = analyzer.terms(term);
          // A lone generic word, or the words "requests" / "limits" on their own, never evidence a point.
          expect(t.length === 1 && (genericWords.has(t[0] ?? '') || ['request', 'limit'].includes(t[0] ?? '')), `${q.id}: "${term}"`).toBe(false);
        }
      }
    }
    const tracing = devops.questions.find((q) => q.id === 'distributed-tracing');
    const wrong = analyzer.terms('I would add more CPU, turn on debug logging in every service and grep the logs.');
    const otel = tracing?.keyPoints.find((k) => /opentelemetry/i.test(k.point));
    for (const term of otel?.terms ?? ['missing']) {
      const t = analyzer.terms(term).filter((x) => !genericWords.has(x));
      expect(t.length > 0 && t.every((x) => wrong.includes(x)), `"${term}" is said by a wrong tracing answer`).toBe(false);
    }
  });

  it('marks contrasts, prohibitions and classic confusions in the DevOps bank', () => {
    const q = (id: string) => {
      const found = devops.questions.find((x) => x.id === id);
      if (!found) throw new Error(`no question ${id}`);
      return found;
    };
    for (const id of ['k8s-requests-limits', 'ci-delivery-vs-deployment', 'blue-green-vs-canary', 'deployment-vs-statefulset', 'disaster-recovery-rpo-rto']) {
      expect(q(id).keyPoints.filter((k) => k.about).length, id).toBeGreaterThanOrEqual(2);
      expect(q(id).contradictions.length, id).toBeGreaterThan(0);
    }
    for (const id of ['pipeline-security', 'multi-environment-config', 'gitops-cluster-management']) {
      expect(
        q(id).keyPoints.some((k) => k.negative),
        id,
      ).toBe(true);
    }
    const limitsAsMinimum = q('k8s-requests-limits').contradictions.find((c) => c.about?.includes('limits'));
    expect(limitsAsMinimum?.terms).toContain('minimum');
    const canaryAtOnce = q('blue-green-vs-canary').contradictions.find((c) => c.about?.includes('canary'));
    expect(canaryAtOnce?.terms.join(' ')).toMatch(/at once/);
    expect(q('secret-rotation').contradictions.some((c) => c.terms.some((t) => /revoke .*first|revoke first/.test(t)))).toBe(true);
  });

  it("gives every DevOps question its source, a rubric, notes and the role's skill and use-case numbering", () => {
    for (const q of devops.questions) {
      const where = q.id;
      expect(q.source, where).toMatch(/^(document|written)$/);
      expect(new Set([q.rubric.junior, q.rubric.mid, q.rubric.senior]).size, where).toBe(3);
      if (q.source !== 'document') continue;
      expect(q.notes.length, where).toBeGreaterThan(0);
      expect(q.skills.length + q.softSkills.length + q.useCases.length, where).toBeGreaterThan(0);
    }
    const notes = (id: string) => devops.questions.find((q) => q.id === id)?.notes.join(' ') ?? '';
    expect(notes('terraform-remote-state')).toMatch(/use_lockfile/);
    expect(notes('terraform-plan-guardrails')).toMatch(/detailed-exitcode.*\b2\b/s);
    expect(notes('cloud-cost-optimization')).toMatch(/Infracost/);
    expect(notes('internal-developer-platform')).toMatch(/Backstage.*portal/s);
    expect(notes('gitops-cluster-management')).toMatch(/revert/i);
  });

  it('groups only true synonyms: no word in two groups, no AWS STS as StatefulSet, no Azure Key Vault as HashiCorp Vault', () => {
    for (const role of roles) {
      const seen = new Map<string, number>();
      role.synonyms.forEach((group, i) => {
        for (const member of group) {
          const key = member.toLowerCase();
          expect(seen.get(key), `${role.id}: "${member}" is in two synonym groups`).toBeUndefined();
          seen.set(key, i);
        }
      });
    }
    const groupOf = (term: string) => devops.synonyms.find((g) => g.includes(term)) ?? [];
    expect(groupOf('sts')).toEqual([]);
    expect(groupOf('vault')).toEqual([]);
    expect(groupOf('statefulset')).not.toContain('sts');
    const pairs: [string, string][] = [
      ['red-black', 'blue-green'],
      ['oidc', 'openid connect'],
      ['sbom', 'software bill of materials'],
      ['wal', 'write-ahead log'],
      ['p95', '95th percentile'],
      ['spof', 'single point of failure'],
      ['resource quota', 'resourcequota'],
      ['pdb', 'poddisruptionbudget'],
      ['psa', 'pod security admission'],
      ['spend', 'cost'],
    ];
    for (const [a, b] of pairs) expect(groupOf(a), `${a} ~ ${b}`).toContain(b);
  });

  it('loads the same role from JSON', async () => {
    const dir = await dirWith({ 'sre.json': JSON.stringify(parseYaml(await readFile(SRE_FILE, 'utf8'))) });
    const [fromJson] = await loadRoles(dir);
    expect(fromJson).toEqual(await loadRoleFile(SRE_FILE));
  });
});

/** The structural checks every role's questions must pass. */
function checkQuestions(role: Role): void {
  const mistakes = new Set(role.mistakes.map((m) => m.id));
  for (const q of role.questions) {
    const where = `${role.id}/${q.id}`;
    expect(q.keyPoints.length, where).toBeGreaterThanOrEqual(3);
    expect(q.keyPoints.length, where).toBeLessThanOrEqual(6);
    for (const k of q.keyPoints) expect(k.terms.length, where).toBeGreaterThan(0);
    expect(q.followUps.length, where).toBeGreaterThanOrEqual(1);
    expect(q.followUps.length, where).toBeLessThanOrEqual(3);
    const choices = [q.choices.correct, ...q.choices.wrong];
    expect(choices, where).toHaveLength(4);
    for (const c of choices) expect(c.length, `${where}: ${c}`).toBeLessThanOrEqual(CHOICE_MAX);
    expect(new Set(choices.map((c) => c.toLowerCase())).size, where).toBe(4);
    for (const flag of q.redFlags) expect(mistakes.has(flag), `${where}: ${flag}`).toBe(true);
    expect(q.topics.length, where).toBeGreaterThan(0);
    // No giveaway absolutes that only the distractors use.
    for (const word of ['always', 'never', 'at once', 'all', 'every']) {
      const has = (c: string) => new RegExp(`\\b${word}\\b`, 'i').test(c);
      if (!has(q.choices.correct)) for (const w of q.choices.wrong) expect(has(w), `${where}: "${w}"`).toBe(false);
    }
  }
  // Red flags are used somewhere: the mistakes section is wired into the cards.
  if (role.mistakes.length > 0)
    expect(
      role.questions.some((q) => q.redFlags.length > 0),
      role.id,
    ).toBe(true);
}

describe('broken content', () => {
  it('names the file and line of a YAML syntax error', async () => {
    const text = 'schemaVersion: 1\nid: broken\ntitle: "unclosed\nsummary: x\n';
    const error = await contentError(loadRoles(await dirWith({ 'broken.yaml': text })));
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems[0]).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(error.message).toContain('broken.yaml');
    expect(error.message).toContain('not valid YAML');
  });

  it('reports a duplicate key with its line', () => {
    const text = 'schemaVersion: 1\nid: a\nid: b\n';
    const error = (() => {
      try {
        parseRole(text, 'dup.yaml');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems[0]).toMatch(/^dup\.yaml:3:\d+: /);
  });

  it('names the file, the path and the line of a schema error', async () => {
    const removed = '        - "Continuous deployment needs less organizational maturity than delivery does"\n';
    const text = replaceOnce(devopsText, removed, '');
    const firstWrong = lineOf(text, '- "Continuous delivery ships every passing commit to production on its own"');
    const error = await contentError(loadRoles(await dirWith({ 'devops.yaml': text })));
    expect(error.problems).toHaveLength(1);
    const problem = error.problems[0] ?? '';
    expect(problem).toContain('devops.yaml: questions[0].choices.wrong');
    expect(problem).toContain(`(line ${firstWrong})`);
    expect(problem).toContain('needs exactly three wrong choices');
  });

  it('reports a choice too long for a button', () => {
    const long = 'x'.repeat(CHOICE_MAX + 1);
    const text = replaceOnce(devopsText, 'correct: "Continuous delivery keeps every build deployable; a human decides to ship"', `correct: "${long}"`);
    expect(() => parseRole(text, 'long.yaml')).toThrow(/long\.yaml: questions\[0\]\.choices\.correct \(line \d+\): must fit a button/);
  });

  it('reports a duplicate question id at the second one', async () => {
    const text = replaceOnce(devopsText, '  - id: blue-green-vs-canary', '  - id: ci-delivery-vs-deployment');
    const line = lineOf(text, '  - id: ci-delivery-vs-deployment', devopsText.indexOf('  - id: ci-delivery-vs-deployment') + 10);
    const error = await contentError(loadRoles(await dirWith({ 'dup.yaml': text })));
    expect(error.problems).toEqual([
      `${join(tmp, `d${dirCount}`, 'dup.yaml')}: questions[1].id (line ${line}): duplicate question id "ci-delivery-vs-deployment" (also questions[0])`,
    ]);
  });

  it('reports an unknown red flag', async () => {
    const text = replaceOnce(devopsText, 'redFlags: [automation-without-safety]', 'redFlags: [no-such-mistake]');
    const error = await contentError(loadRoles(await dirWith({ 'flags.yaml': text })));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/flags\.yaml: questions\[0\]\.redFlags\[0\] \(line \d+\): unknown mistake id "no-such-mistake"/);
  });

  it('reports every broken file, not only the first', async () => {
    const dir = await dirWith({
      'a.yaml': replaceOnce(devopsText, 'redFlags: [automation-without-safety]', 'redFlags: [nope]'),
      'b.yaml': 'id: [',
    });
    const error = await contentError(loadRoles(dir));
    expect(error.problems.some((p) => p.includes('a.yaml'))).toBe(true);
    expect(error.problems.some((p) => p.includes('b.yaml'))).toBe(true);
  });

  it('rejects two roles with the same command prefix, naming both files', async () => {
    const sre = replaceOnce(await readFile(SRE_FILE, 'utf8'), 'commandPrefix: sre', 'commandPrefix: devops');
    const dir = await dirWith({ 'devops-engineer.yaml': devopsText, 'sre-mini.yaml': sre });
    const error = await contentError(loadRoles(dir));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/sre-mini\.yaml: commandPrefix \(line 7\): "devops" is already used by .*devops-engineer\.yaml \(line \d+\)$/);
  });

  it('names the right files for a prefix clash when another file failed to load', async () => {
    const sre = replaceOnce(await readFile(SRE_FILE, 'utf8'), 'commandPrefix: sre', 'commandPrefix: devops');
    const dir = await dirWith({ 'a-broken.yaml': 'id: [', 'devops-engineer.yaml': devopsText, 'sre-mini.yaml': sre });
    const error = await contentError(loadRoles(dir));
    const clash = error.problems.find((p) => p.includes('commandPrefix'));
    expect(clash).toMatch(/sre-mini\.yaml: commandPrefix \(line 7\): "devops" is already used by .*devops-engineer\.yaml \(line \d+\)$/);
  });

  it('rejects two roles with the same id', async () => {
    const sre = replaceOnce(await readFile(SRE_FILE, 'utf8'), 'id: sre-mini', 'id: devops-engineer');
    const error = await contentError(loadRoles(await dirWith({ 'devops-engineer.yaml': devopsText, 'sre-mini.yaml': sre })));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/sre-mini\.yaml: id \(line 5\): "devops-engineer" is already used by .*devops-engineer\.yaml \(line \d+\)$/);
  });

  it('rejects an empty directory, and one with no role files', async () => {
    const empty = await contentError(loadRoles(await dirWith({})));
    expect(empty.message).toContain('No role files');
    const other = await contentError(loadRoles(await dirWith({ 'README.md': '# roles', 'notes.txt': 'x' })));
    expect(other.message).toContain('No role files');
  });

  it('rejects a missing directory with a ContentError', async () => {
    const error = await contentError(loadRoles(join(tmp, 'does-not-exist')));
    expect(error.message).toContain('Cannot read content directory');
  });
});

describe('a second role is only a second file', () => {
  let roles: Role[];
  beforeAll(async () => {
    const dir = join(tmp, 'two-roles');
    await mkdir(dir);
    await copyFile(DEVOPS_FILE, join(dir, basename(DEVOPS_FILE)));
    await copyFile(SRE_FILE, join(dir, basename(SRE_FILE)));
    roles = await loadRoles(dir);
  });

  it('loads both roles', () => {
    expect(roles.map((r) => [r.id, r.commandPrefix])).toEqual([
      ['devops-engineer', 'devops'],
      ['sre-mini', 'sre'],
    ]);
  });

  it('serves /sre-question and /devops-question side by side', async () => {
    const t = await makeTestAssistant({ roles });
    const names = t.assistant.commands.map((c) => c.name);
    for (const n of ['role', 'question', 'quiz', 'search', 'help']) {
      expect(names).toContain(`devops-${n}`);
      expect(names).toContain(`sre-${n}`);
    }
    const sre = roles[1] as Role;
    const sreCard = (await t.assistant.handle(cmd('sre-question'))).view;
    if (sreCard.kind !== 'card') throw new Error(`expected a card, got ${sreCard.kind}`);
    expect(sreCard.roleTitle).toBe('Site Reliability Engineer');
    expect(sre.questions.map((q) => q.id)).toContain(sreCard.question.id);
    expect(sreCard.actions.every((a) => a.id.startsWith('sre|'))).toBe(true);

    const shown = (await t.assistant.handle(act(sreCard.actions[0]?.id ?? ''))).view;
    expect(shown).toMatchObject({ kind: 'card', roleTitle: 'Site Reliability Engineer', answerShown: true, question: { id: sreCard.question.id } });

    const devopsCard = (await t.assistant.handle(cmd('devops-question'))).view;
    expect(devopsCard).toMatchObject({ kind: 'card', roleTitle: 'DevOps Engineer' });
    if (devopsCard.kind === 'card') expect(devops.questions.map((q) => q.id)).toContain(devopsCard.question.id);

    const help = (await t.assistant.handle(cmd('sre-help'))).view;
    if (help.kind !== 'help') throw new Error('expected help');
    expect(help.commands.every((c) => c.name.startsWith('sre-'))).toBe(true);
  });

  it('keeps separate leaderboards per role', async () => {
    const t = await makeTestAssistant({ roles });
    const sre = roles[1] as Role;
    const start = (await t.assistant.handle(cmd('sre-quiz', 'start 1'))).view;
    if (start.kind !== 'quiz-question') throw new Error(`expected a quiz question, got ${start.kind}`);
    const q = sre.questions.find((x) => x.id === start.question.id);
    const right = start.choices.find((c) => c.text === q?.choices.correct);
    const end = (await t.assistant.handle(act(right?.actionId ?? ''))).view;
    expect(end).toMatchObject({ kind: 'quiz-summary', correct: 1 });

    const rows = (v: View) => (v.kind === 'leaderboard' ? v.rows.map((r) => r.userId) : ['not a leaderboard']);
    expect(rows((await t.assistant.handle(cmd('sre-quiz', 'leaderboard'))).view)).toEqual(['U1']);
    expect(rows((await t.assistant.handle(cmd('devops-quiz', 'leaderboard'))).view)).toEqual([]);
    // And quizzes per role: the user can run a devops quiz in the same conversation at once.
    const devopsQuiz = (await t.assistant.handle(cmd('devops-quiz', 'start 1', ctxFor()))).view;
    expect(devopsQuiz).toMatchObject({ kind: 'quiz-question', roleTitle: 'DevOps Engineer' });
    if (devopsQuiz.kind === 'quiz-question') expect(devopsQuiz.note).toBeUndefined();
  });
});
