/**
 * Interview views on the terminal: the plan, the question card with its
 * numbered boxes (`tick 1 3`), the scorecard and the list. Each returns the
 * view's own lines; render.ts adds the note and the action words around them.
 */
import { rubricLines } from '../format/grading.js';
import {
  boxMark,
  candidateLabel,
  checklistsOf,
  coverageText,
  itemText,
  levelsLine,
  outcomeLine,
  pastedLines,
  pastedTitle,
  pointsHeard,
  suggestedLabel,
} from '../format/interview.js';
import type { ViewOf } from '../format/view.js';
import { numberedItems } from './checklists.js';
import { bullets, type Ctx, heading, hintLines, label, para, section } from './render-parts.js';
import { oneLine, wrap } from './text.js';

const who = (candidate: string | undefined) => (candidate ? ` · ${oneLine(candidate)}` : '');

/** The plan: one line per question with its tier, topics and minutes, then what had to give. */
export function interviewPlanLines(c: Ctx, v: ViewOf<'interview-plan'>): string[] {
  const out = heading(c, `${oneLine(v.roleTitle)} · interview plan · ${v.level}${who(v.candidate)}`);
  out.push(...para(c, v.summary).map((l) => c.s.dim(l)), '');
  for (const item of v.items) {
    const tag = `${item.tier}${item.behavioural ? ', behavioural' : ''} · ${item.topics.map(oneLine).join(', ')} · ${item.minutes} min`;
    out.push(...wrap(oneLine(item.prompt), c.width, `${String(item.number).padStart(2)}. `, '    '), c.s.dim(`    ${tag} · id: ${oneLine(item.questionId)}`));
  }
  return [...out, ...section(c, 'Plan notes', v.notes)];
}

/** The card: the question to read out, numbered boxes to tick, everything to listen for; the answer once asked. */
export function interviewCardLines(c: Ctx, v: ViewOf<'interview-card'>): string[] {
  const q = v.question;
  const out = heading(
    c,
    `${oneLine(v.roleTitle)} · interview${who(v.candidate)} · question ${v.number} of ${v.of} · ${q.tier} · ${q.topics.map(oneLine).join(', ')}`,
  );
  out.push(...para(c, v.timer).map((l) => c.s.dim(l)), '', ...para(c, q.prompt).map((l) => c.s.bold(l)), c.s.dim(`  id: ${oneLine(q.id)}`));
  const numbered = numberedItems(checklistsOf(v));
  const boxes = (list: (typeof numbered)[number]['checklist']) => {
    out.push('', label(c, list.label));
    for (const { n, item } of numbered.filter((i) => i.checklist === list)) {
      const line = wrap(itemText(item), c.width, `  ${boxMark(item.checked)} ${String(n).padStart(2)}. `, '       ');
      out.push(...(item.checked ? line.map((l) => c.s.green(l)) : line));
    }
  };
  boxes(v.keyPoints);
  out.push(...section(c, 'Follow-ups', q.followUps, '?'));
  if (v.redFlags) boxes(v.redFlags);
  out.push(...section(c, 'Rubric', rubricLines(q.rubric)), ...section(c, 'Interviewer notes', q.notes));
  if (v.pasted) out.push('', label(c, pastedTitle(v.pasted)), ...bullets(c, pastedLines(v.pasted), '-'));
  if (v.interviewerNote !== undefined) out.push('', label(c, 'Your note'), ...para(c, v.interviewerNote, '  '));
  if (v.answerShown) out.push('', label(c, 'Answer'), ...para(c, q.answer, '  '));
  else out.push('', c.s.dim('  (answer hidden)'));
  return out;
}

/** What to type on a card: the boxes first, then the action words. */
export function interviewCardHints(c: Ctx, v: ViewOf<'interview-card'>): string[] {
  const last = numberedItems(checklistsOf(v)).length;
  const tick = wrap(`Type tick or untick and box numbers (1 to ${last}), e.g. tick 1 3 or untick 2.`, c.width, '', '  ').map((l) => c.s.dim(l));
  return [...tick, ...hintLines(c, v.actions)];
}

/** The scorecard: the suggested level and its evidence, each question, coverage by topic, what to probe next. */
export function interviewScorecardLines(c: Ctx, v: ViewOf<'interview-scorecard'>): string[] {
  const out = heading(c, `${oneLine(v.roleTitle)} · scorecard · ${oneLine(candidateLabel(v.candidate))}`);
  out.push(
    ...para(c, `${levelsLine(v.level, v.suggested)} · ${pointsHeard(v.overall.ticked, v.overall.total)}`).map((l) => c.s.bold(l)),
    ...para(c, v.evidence, '  '),
    c.s.dim(`  ${oneLine(v.when)} · interviewer: ${oneLine(v.interviewer)} · id: ${oneLine(v.id)}`),
  );
  for (const q of v.questions) {
    out.push('', ...wrap(oneLine(q.prompt), c.width, `${String(q.number).padStart(2)}. `, '    ').map((l) => c.s.bold(l)));
    out.push(...wrap(`${outcomeLine(q)} · ${q.tier} · id: ${oneLine(q.id)}`, c.width, '    ').map((l) => c.s.dim(l)));
    out.push(...para(c, q.evidence, '    '));
    if (q.rubric) out.push(...para(c, `Rubric: ${q.rubric}`, '    '));
    if (q.pastedScore !== undefined) out.push(...para(c, `Pasted answer auto-graded ${Math.round(q.pastedScore)}/100`, '    '));
    out.push(...bullets(c, q.heard, '✓', '    ').map((l) => c.s.green(l)), ...bullets(c, q.missed, '✗', '    '));
    if (q.redFlags.length > 0)
      out.push(
        ...bullets(
          c,
          q.redFlags.map((f) => `Red flag heard: ${f}`),
          '!',
          '    ',
        ).map((l) => c.s.red(l)),
      );
    if (q.interviewerNote !== undefined) out.push(...para(c, `Note: ${q.interviewerNote}`, '    '));
  }
  out.push(...section(c, 'Coverage by topic', v.coverage.map(coverageText)));
  out.push(...section(c, 'Probe next round', v.probe.length > 0 ? v.probe : ['Nothing stood out: every topic was covered.']));
  return [...out, ...section(c, 'Plan notes', v.notes)];
}

/** The caller's scorecards, latest first, and interviews not finished. */
export function interviewListLines(c: Ctx, v: ViewOf<'interview-list'>): string[] {
  const out = heading(c, `${oneLine(v.roleTitle)} · your scorecards`);
  if (v.rows.length === 0) out.push('  No scorecards yet: an interview leaves one when it finishes.');
  v.rows.forEach((r, i) => {
    const line = `${oneLine(candidateLabel(r.candidate))} · planned ${r.level} · suggested: ${suggestedLabel(r.suggested)}`;
    out.push(
      ...wrap(line, c.width, `${String(i + 1).padStart(2)}. `, '    '),
      c.s.dim(`    ${oneLine(r.when)} · ${pointsHeard(r.points.ticked, r.points.total)} · id: ${oneLine(r.id)}`),
    );
  });
  if (v.inProgress.length > 0) {
    out.push('', label(c, 'Not finished'));
    v.inProgress.forEach((r, i) => {
      out.push(
        ...wrap(
          `${oneLine(candidateLabel(r.candidate))} · ${r.level} · ${r.progress} · ${oneLine(r.when)} · id: ${oneLine(r.id)}`,
          c.width,
          `  ${i + 1}. `,
          '     ',
        ),
      );
    });
  }
  return out;
}
