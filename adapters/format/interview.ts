/**
 * How every renderer words interview mode — levels and readings, a
 * checklist's lines, a pasted answer's verdicts, a scorecard question's
 * outcome — so Slack, Discord and the console say the same. Plain text: each
 * renderer escapes it its own way. Also where the checklists of a view are found.
 */
import type { Reading } from '../../src/interview/reading.js';
import type { Checklist, ChecklistItem, PastedVerdict, ScorecardQuestionView, View } from '../../src/views.js';
import { gradeLines } from './grading.js';
import { clip } from './text.js';

/** The checklists a view carries, in the order it shows them. */
export function checklistsOf(view: View): Checklist[] {
  if (view.kind !== 'interview-card') return [];
  return view.redFlags ? [view.keyPoints, view.redFlags] : [view.keyPoints];
}

/** "Junior", "Mid", "Senior"; "Below junior" for a reading under the junior bar. */
export function levelLabel(level: Reading): string {
  return level === 'below' ? 'Below junior' : `${level[0]?.toUpperCase() ?? ''}${level.slice(1)}`;
}

/** The suggested level, or that there is none. */
export function suggestedLabel(suggested: Reading | undefined): string {
  return suggested ? levelLabel(suggested) : 'Not assessed';
}

/** The mark of a box: ticked or not. */
export function boxMark(checked: boolean): string {
  return checked ? '☑' : '☐';
}

/** An item as one line of text: label, then its detail and hint. */
export function itemText(item: ChecklistItem): string {
  return `${item.label}${item.detail ? ` — ${item.detail}` : ''}${item.hint ? ` (${item.hint})` : ''}`;
}

/** "3 of 5 key points heard (60%)". */
export function pointsHeard(ticked: number, total: number): string {
  return `${ticked} of ${total} key points heard${total > 0 ? ` (${Math.round((ticked / total) * 100)}%)` : ''}`;
}

/** The title over a pasted answer's verdicts: "Pasted answer, auto-graded 72/100". */
export function pastedTitle(p: PastedVerdict): string {
  return `Pasted answer, auto-graded ${Math.round(p.score)}/100`;
}

/** A pasted answer's verdicts as lines, worded as a quiz answer's are. */
export function pastedLines(p: PastedVerdict): string[] {
  return gradeLines({
    keyPoints: p.keyPoints,
    contradictions: p.contradictions.map((feedback) => ({ feedback, heard: '' })),
    ...(p.capped ? { capped: p.capped } : {}),
  });
}

/** What a scorecard question came to: "Senior · 4 of 5 key points heard (80%) · 5 of 6 min", or why not assessed. */
export function outcomeLine(q: ScorecardQuestionView): string {
  const reading = q.reading ? levelLabel(q.reading) : q.status === 'skipped' ? 'Skipped' : 'Not reached';
  return [reading, q.reading ? pointsHeard(q.heard.length, q.total) : '', q.time].filter(Boolean).join(' · ');
}

/** "Planned for mid · suggested: Senior". */
export function levelsLine(level: Reading, suggested: Reading | undefined): string {
  return `Planned for ${level} · suggested: ${suggestedLabel(suggested)}`;
}

/** The candidate as named, or that they were not. */
export function candidateLabel(candidate: string | undefined): string {
  return candidate ?? 'Candidate not named';
}

/** A topic's coverage: "kubernetes: 3 of 5 key points · 2 asked, 1 not asked". */
export function coverageText(c: { topic: string; ticked: number; total: number; asked: number; skipped: number }): string {
  const questions = [c.asked > 0 ? `${c.asked} asked` : '', c.skipped > 0 ? `${c.skipped} not asked` : ''].filter(Boolean).join(', ');
  return `${c.topic}: ${c.total > 0 ? `${c.ticked} of ${c.total} key points` : 'not assessed'}${questions ? ` · ${questions}` : ''}`;
}

/**
 * Splits text in two at a word boundary, the first part at most `head` long
 * and the second at most `tail` (clipped with "…" beyond): a checkbox's label
 * and description, which share one line on screen.
 */
export function splitText(text: string, head: number, tail: number): [string, string] {
  const t = text.trim();
  if (t.length <= head) return [t, ''];
  let cut = t.lastIndexOf(' ', head);
  if (cut < head / 2) cut = head;
  const code = t.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return [t.slice(0, cut).trimEnd(), clip(t.slice(cut).trim(), tail)];
}
