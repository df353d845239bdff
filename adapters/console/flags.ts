/**
 * `flags`: the questions users flagged as bad, grouped by role and question,
 * most-flagged first, for whoever maintains the content. `flags --json` gives
 * one line per question; its field names are a public interface.
 */
import type { Role } from '../../src/content/schema.js';
import type { QuestionFlag } from '../../src/ports.js';

/** `flags --json`: one line per flagged question. */
export interface FlagLine {
  roleId: string;
  questionId: string;
  /** How many users flagged it, over every space. */
  count: number;
  /** Store spaces it was flagged in, sorted. */
  spaces: string[];
  /** The latest flag, epoch ms. */
  lastAt: number;
}

/** Flags grouped per (role, question): most-flagged first, then most recently flagged, then by id. */
export function flagLines(flags: readonly QuestionFlag[]): FlagLine[] {
  const byQuestion = new Map<string, { line: FlagLine; spaces: Set<string> }>();
  // Disputed grades share the store's feedback list; they have their own report (`disputes`).
  for (const flag of flags) {
    if (flag.kind === 'dispute') continue;
    const key = JSON.stringify([flag.roleId, flag.questionId]);
    const group = byQuestion.get(key);
    if (group) {
      group.line.count++;
      group.line.lastAt = Math.max(group.line.lastAt, flag.at);
      group.spaces.add(flag.space);
    } else {
      byQuestion.set(key, { line: { roleId: flag.roleId, questionId: flag.questionId, count: 1, spaces: [], lastAt: flag.at }, spaces: new Set([flag.space]) });
    }
  }
  const lines = [...byQuestion.values()].map(({ line, spaces }) => ({ ...line, spaces: [...spaces].sort() }));
  return lines.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt || compare(a.roleId, b.roleId) || compare(a.questionId, b.questionId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const PROMPT_WIDTH = 100;

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

/**
 * The text report: a heading per role (roles in order of their most-flagged
 * question), then each question with its count, id, prompt and where it was flagged.
 */
export function flagReport(lines: readonly FlagLine[], roles: readonly Role[]): string {
  if (lines.length === 0) return 'No flagged questions.';
  const total = lines.reduce((n, l) => n + l.count, 0);
  const out = [`Flagged questions: ${lines.length} question${lines.length === 1 ? '' : 's'}, ${total} flag${total === 1 ? '' : 's'}`];
  const byRole = new Map<string, FlagLine[]>();
  // `lines` is most-flagged first, so Map insertion order ranks the roles too.
  for (const line of lines) byRole.set(line.roleId, [...(byRole.get(line.roleId) ?? []), line]);
  for (const [roleId, group] of byRole) {
    const role = roles.find((r) => r.id === roleId);
    out.push('', role ? `${role.title} (${roleId})` : `${roleId} (no longer in the content)`);
    for (const line of group) {
      const question = role?.questions.find((q) => q.id === line.questionId);
      out.push(`  ${String(line.count).padStart(3)} × ${line.questionId}`);
      out.push(`        ${question ? clip(question.prompt, PROMPT_WIDTH) : '(no longer in the question bank)'}`);
      out.push(`        last flagged ${new Date(line.lastAt).toISOString().slice(0, 16).replace('T', ' ')} UTC in ${line.spaces.join(', ')}`);
    }
  }
  return out.join('\n');
}
