/**
 * A scorecard as plain text for people (`scorecards --markdown <id>`) and as
 * one JSON line for tools (`scorecards --json`). Both leave the chat
 * platform, so every string is made inert: no mention survives in them.
 */

import { escapeMentions } from './mentions.js';
import type { Reading } from './reading.js';
import type { InterviewLevel } from './result.js';
import type { Scorecard, ScorecardQuestion } from './scorecard.js';

/** One line of `scorecards --json`. A public interface: fields are only ever added. */
export interface ScorecardJsonLine {
  id: string;
  author: { platform: string; id: string; name: string };
  candidate: string | null;
  level: InterviewLevel;
  /** Epoch ms, as the other JSON lines carry times. */
  started: number;
  questions: { id: string; prompt: string; ticked: string[]; redFlags: string[]; note: string | null }[];
  /** What the plan had to cap or substitute; absent when nothing. */
  notes?: string[];
  summary: {
    suggested: Reading | null;
    evidence: string;
    supporting: string[];
    finished: number;
    points: { ticked: number; total: number };
    readings: { id: string; status: ScorecardQuestion['status']; reading: Reading | null; evidence: string }[];
    coverage: { topic: string; ticked: number; total: number }[];
    probe: string[];
  };
}

/** The JSON line of a scorecard, every string made inert. */
export function scorecardJson(card: Scorecard): ScorecardJsonLine {
  const line: ScorecardJsonLine = {
    id: card.id,
    author: { platform: card.author.platform, id: card.author.id, name: card.author.name },
    candidate: card.candidate ?? null,
    level: card.level,
    started: card.started,
    questions: card.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      ticked: [...q.ticked],
      redFlags: q.redFlags.map((f) => f.title),
      note: q.note ?? null,
    })),
    ...(card.notes.length > 0 ? { notes: [...card.notes] } : {}),
    summary: {
      suggested: card.suggested ?? null,
      evidence: card.evidence,
      supporting: [...card.supporting],
      finished: card.finished,
      // Named, not spread: a scorecard read back from Postgres (jsonb) has its keys in another order.
      points: { ticked: card.overall.ticked, total: card.overall.total },
      readings: card.questions.map((q) => ({ id: q.id, status: q.status, reading: q.reading ?? null, evidence: q.evidence })),
      coverage: card.coverage.map((c) => ({ topic: c.topic, ticked: c.ticked, total: c.total })),
      probe: [...card.probe],
    },
  };
  return inert(line);
}

/** Options for the Markdown: the role's title for the heading. */
export interface MarkdownOptions {
  roleTitle?: string;
}

/** The scorecard as Markdown for pasting into a hiring tool; no mention survives in it. */
export function scorecardMarkdown(card: Scorecard, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# Interview scorecard: ${card.candidate ?? 'candidate not named'}`, '');
  if (options.roleTitle) out.push(`- **Role:** ${options.roleTitle}`);
  out.push(
    `- **Interviewer:** ${card.author.name} (${card.author.platform})`,
    `- **Planned level:** ${card.level} · **Suggested level:** ${card.suggested ?? 'not assessed'}`,
    `- **Started:** ${utc(card.started)} · ${card.minutes.used} minutes used of ${card.minutes.planned} planned`,
    `- **Key points heard:** ${card.overall.ticked} of ${card.overall.total}${percent(card.overall.ticked, card.overall.total)}`,
    `- **Scorecard id:** ${card.id}`,
    '',
    `## Suggested level: ${card.suggested ?? 'not assessed'}`,
    '',
    card.evidence,
    '',
    '## Questions',
  );
  for (const [i, q] of card.questions.entries()) out.push('', ...questionMarkdown(q, i));
  out.push('', '## Coverage by topic', '', '| Topic | Key points heard | Questions |', '|---|---|---|');
  for (const c of card.coverage) {
    const questions = [c.asked > 0 ? `${c.asked} asked` : '', c.skipped > 0 ? `${c.skipped} not asked` : ''].filter(Boolean).join(', ');
    out.push(`| ${c.topic} | ${c.total > 0 ? `${c.ticked} of ${c.total}${percent(c.ticked, c.total)}` : '—'} | ${questions} |`);
  }
  out.push('', '## Probe next round', '');
  out.push(...(card.probe.length > 0 ? card.probe.map((p) => `- ${p}`) : ['- Nothing stood out: every topic was covered.']));
  if (card.notes.length > 0) out.push('', '## Plan notes', '', ...card.notes.map((n) => `- ${n}`));
  return escapeMentions(`${out.join('\n')}\n`);
}

function questionMarkdown(q: ScorecardQuestion, i: number): string[] {
  const out = [`### ${i + 1}. ${q.prompt}`, ''];
  const time = q.minutes !== undefined ? ` · ${q.minutes} of ${q.budget} min` : ` · ${q.budget} min planned`;
  out.push(`\`${q.id}\` · ${q.tier} · ${q.topics.join(', ')}${time} · **${q.reading ?? (q.status === 'skipped' ? 'skipped' : 'not reached')}**`, '');
  out.push(`- Reading: ${q.evidence}`);
  // A "below" rubric line already says it is the junior bar not reached.
  if (q.reading && q.rubric) out.push(q.reading === 'below' ? `- Rubric: ${q.rubric}` : `- Rubric (${q.reading}): ${q.rubric}`);
  if (q.pastedScore !== undefined) out.push(`- Pasted answer auto-graded ${q.pastedScore}/100 (the ticks below are the interviewer's).`);
  if (q.redFlags.length > 0) out.push(`- Red flags heard: ${q.redFlags.map((f) => f.title).join('; ')}`);
  out.push(`- Key points heard: ${q.ticked.length} of ${q.total}`);
  for (const label of q.ticked) out.push(`  - [x] ${label}`);
  for (const label of q.missed) out.push(`  - [ ] ${label}`);
  if (q.note !== undefined) out.push('', ...q.note.split(/\r?\n/).map((line) => `> ${line}`.trimEnd()));
  return out;
}

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function percent(n: number, total: number): string {
  return total > 0 ? ` (${Math.round((n / total) * 100)}%)` : '';
}

/** A copy with every string escaped (see {@link escapeMentions}). */
function inert<T>(value: T): T {
  if (typeof value === 'string') return escapeMentions(value) as T;
  if (Array.isArray(value)) return value.map(inert) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inert(v)])) as T;
  return value;
}
