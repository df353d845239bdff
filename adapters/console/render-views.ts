/**
 * Non-quiz views on the terminal: role sections, interviewer cards, search,
 * leaderboard, stats, help, notices and errors. Each returns the view's own
 * lines; render.ts adds the note, footnote and action words around them.
 */
import { RESULT_KIND_LABELS } from '../../src/views.js';
import { rubricLines, sourceLabel } from '../format/grading.js';
import { clip, lines } from '../format/text.js';
import type { ViewOf } from '../format/view.js';
import { percent, plural, usageLines } from '../format/words.js';
import { bullets, type Ctx, heading, label, para, section } from './render-parts.js';
import { oneLine, wrap } from './text.js';

/** A role section: lead, tags and titled sections with their bullets. */
export function roleLines(c: Ctx, v: ViewOf<'role'>): string[] {
  // Section titles often repeat the role title ("DevOps Engineer: Key skills").
  const title = oneLine(v.title);
  const roleTitle = oneLine(v.roleTitle);
  const out = heading(c, title.startsWith(roleTitle) ? title : `${roleTitle} — ${title}`);
  if (v.lead) out.push(...para(c, v.lead).map((l) => c.s.bold(l)));
  if (v.tags && v.tags.length > 0) out.push(...wrap(v.tags.map((t) => `#${oneLine(t)}`).join(' '), c.width).map((l) => c.s.dim(l)));
  for (const s of v.sections) {
    out.push('', ...wrap(s.title, c.width).map((l) => c.s.bold(l)));
    if (s.text) out.push(...para(c, s.text));
    if (s.bullets) out.push(...bullets(c, s.bullets));
  }
  return out;
}

/** The interviewer's card: all there is to listen for up front, the model answer once asked (as on Slack and Discord). */
export function cardLines(c: Ctx, v: ViewOf<'card'>): string[] {
  const q = v.question;
  // Tiers as the word typed to ask for them (`/devops-question advanced`).
  const out = heading(c, `${oneLine(v.roleTitle)} · ${q.tier} · ${q.topics.map(oneLine).join(', ')}`);
  out.push(...para(c, q.prompt).map((l) => c.s.bold(l)), c.s.dim(`  id: ${oneLine(q.id)}`));
  out.push(...section(c, 'Key points', q.keyPoints), ...section(c, 'Follow-ups', q.followUps, '?'));
  if (q.redFlags.length > 0) {
    out.push('', label(c, 'Red flags'));
    for (const flag of q.redFlags) out.push(...wrap(flag.title, c.width, '  ! ', '    ').map((l) => c.s.red(l)), ...para(c, flag.text, '    '));
  }
  out.push(...section(c, 'Rubric', rubricLines(q.rubric)), ...section(c, 'Interviewer notes', q.notes));
  if (v.answerShown) out.push('', label(c, 'Answer'), ...para(c, q.answer, '  '), c.s.dim(`  (${sourceLabel(q.source)})`));
  else out.push('', c.s.dim('  (answer hidden)'));
  return out;
}

/** Characters of a search result's text shown under its title. */
const SNIPPET_MAX = 220;

/** Search results, best first, each with its kind and a clipped snippet. */
export function searchLines(c: Ctx, v: ViewOf<'search'>): string[] {
  const out = heading(c, `${oneLine(v.roleTitle)} · search: "${oneLine(v.query)}" · ${plural(v.results.length, 'result')}`);
  if (v.results.length === 0) out.push('  No matches. Try other words.');
  v.results.forEach((r, i) => {
    const tag = [RESULT_KIND_LABELS[r.kind], r.tier].filter(Boolean).join(' · ');
    out.push(...wrap(`${oneLine(r.title)} [${tag}]`, c.width, `${String(i + 1).padStart(2)}. `, '    '));
    // Ten full answers would scroll the question list away; the card has the rest.
    out.push(...wrap(clip(oneLine(r.snippet), SNIPPET_MAX), c.width, '    ').map((l) => c.s.dim(l)));
    if (r.kind === 'question') out.push(c.s.dim(`    id: ${oneLine(r.id)}`));
  });
  return out;
}

/** `text` padded with spaces to `width` code points (names may hold emoji). */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The board as a table: rank, name, points, answers, accuracy. */
export function leaderboardLines(c: Ctx, v: ViewOf<'leaderboard'>): string[] {
  const out = heading(c, `${oneLine(v.roleTitle)} leaderboard · ${oneLine(v.periodLabel)}`);
  if (v.rows.length === 0) return [...out, '  Nobody has points yet.'];
  const names = v.rows.map((r) => clip(oneLine(r.name), 30));
  const nameWidth = Math.max(4, ...names.map((n) => [...n].length));
  out.push(c.s.dim(`   #  ${padEnd('Name', nameWidth)}  Points  Answered  Accuracy`));
  v.rows.forEach((r, i) => {
    const figures = `${String(r.points).padStart(6)}  ${String(r.answered).padStart(8)}  ${percent(r.accuracy).padStart(8)}`;
    out.push(`${String(r.rank).padStart(4)}  ${padEnd(names[i] ?? '', nameWidth)}  ${figures}`);
  });
  return out;
}

/** A user's own figures, then accuracy by tier, by topic and the weakest topics. */
export function statsLines(c: Ctx, v: ViewOf<'stats'>): string[] {
  const out = heading(c, `${oneLine(v.roleTitle)} · stats for ${oneLine(v.name)}`);
  out.push(
    `  ${label(c, plural(v.points, 'point'))} (${v.weekPoints} this week) · ${v.correct}/${v.answered} correct (${percent(v.accuracy)})`,
    `  Streak ${v.streak} · best ${v.bestStreak} · ${plural(v.reviewDue, 'question')} due for review`,
  );
  const table = (title: string, rows: ViewOf<'stats'>['byTier']) => {
    if (rows.length === 0) return;
    const w = Math.min(40, Math.max(...rows.map((r) => [...oneLine(r.label)].length), 5));
    out.push('', label(c, title));
    for (const r of rows) {
      const name = padEnd(clip(oneLine(r.label), 40), w);
      out.push(`  ${name}  ${String(r.correct).padStart(3)}/${String(r.answered).padEnd(3)} ${percent(r.accuracy).padStart(4)}`);
    }
  };
  table('By tier', v.byTier);
  table('By topic', v.byTopic);
  table('Weakest', v.weakest);
  return out;
}

/** Every command with its usage lines, description and examples. */
export function helpLines(c: Ctx, v: ViewOf<'help'>): string[] {
  const out = heading(c, v.title);
  for (const cmd of v.commands) {
    const usage = usageLines(oneLine(cmd.name), cmd.usage).flatMap((line) => wrap(line, c.width, '  ', '      '));
    out.push('', ...usage.map((l) => c.s.bold(l)), ...para(c, cmd.description, '    '));
    out.push(...cmd.examples.flatMap((e) => wrap(e, c.width, '    e.g. ', '         ').map((l) => c.s.dim(l))));
  }
  return out;
}

/** A short message under its title. */
export function noticeLines(c: Ctx, v: ViewOf<'notice'>): string[] {
  return [...heading(c, v.title), ...para(c, v.text)];
}

/** A user's mistake, with the usage that would have worked. */
export function errorLines(c: Ctx, v: ViewOf<'error'>): string[] {
  const out = wrap(v.message, c.width, '✗ ', '  ').map((l) => c.s.red(l));
  const usage = v.usage ? lines(v.usage) : [];
  for (const [i, line] of usage.entries()) out.push(...wrap(line, c.width, i === 0 ? '  Usage: ' : '         ', '           ').map((l) => c.s.dim(l)));
  return out;
}
