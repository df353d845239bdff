/**
 * Quiz views on the terminal: feedback on the answer just given (render.ts
 * puts it above whichever view carries it), the question with its choices, and
 * the summary of what was missed.
 */
import type { AnswerFeedback } from '../../src/views.js';
import { gradeLines, POINT_MARK } from '../format/grading.js';
import type { ViewOf } from '../format/view.js';
import { plural } from '../format/words.js';
import { bullets, type Ctx, heading, hintLines, label, para } from './render-parts.js';
import { oneLine, wrap } from './text.js';

/** A verdict line coloured by its mark: green covered, red missed, yellow said wrongly. */
function verdictColour(c: Ctx, line: string): (s: string) => string {
  if (line.startsWith(POINT_MARK.covered)) return c.s.green;
  if (line.startsWith(POINT_MARK.missed)) return c.s.red;
  return c.s.yellow;
}

/** How the last answer went: verdict, what was given, each key point's verdict, the model answer. */
export function feedbackLines(c: Ctx, f: AnswerFeedback): string[] {
  const out: string[] = [];
  const won = f.points > 0 ? ` +${plural(f.points, 'point')}${f.bonus > 0 ? ` (streak bonus +${f.bonus})` : ''}` : '';
  if (f.outcome === 'correct') out.push(c.s.green(c.s.bold(`✓ Correct!${won}`)));
  else if (f.outcome === 'wrong') out.push(c.s.red(c.s.bold(`✗ Not quite.${won}`)));
  else out.push(c.s.yellow(c.s.bold('→ Skipped.')));
  out.push(...wrap(f.prompt, c.width, '  Q: ', '     ').map((l) => c.s.dim(l)));
  if (f.given !== undefined && f.given.trim() !== '') out.push(...wrap(f.given, c.width, '  You: ', '       '));
  if (f.correctChoice !== undefined && f.outcome !== 'correct') out.push(...wrap(f.correctChoice, c.width, '  Correct: ', '           '));
  if (f.score !== undefined) out.push(`  Score: ${label(c, `${Math.round(f.score)}/100`)}`);
  const verdict = gradeLines(f);
  if (verdict.length > 0) {
    out.push('  Key points:');
    for (const line of verdict) out.push(...wrap(line, c.width, '    ', '      ').map(verdictColour(c, line)));
  }
  out.push('  Model answer:', ...para(c, f.modelAnswer, '    '));
  if (f.notes?.length) out.push('  Interviewer notes:', ...bullets(c, f.notes, '•', '    '));
  return out;
}

/** The question, with its choices lettered. */
export function quizQuestionLines(c: Ctx, v: ViewOf<'quiz-question'>): string[] {
  const p = v.progress;
  // Tiers as the word typed to ask for them (`/devops-quiz start advanced`).
  const out = heading(c, `${oneLine(v.roleTitle)} ${v.review ? 'review' : 'quiz'} · question ${p.number}/${p.total} · ${v.question.tier}`);
  out.push(c.s.dim(`  ${plural(p.points, 'point')} · streak ${p.streak} · ${v.question.topics.map(oneLine).join(', ')}`));
  out.push(...para(c, v.question.prompt).map((l) => c.s.bold(l)));
  for (const choice of v.choices) {
    const letter = oneLine(choice.letter);
    out.push(...wrap(choice.text, c.width, `  ${c.s.bold(letter)}) `, ' '.repeat(letter.length + 4)));
  }
  return out;
}

/** How to answer: the letters or free text, then the other actions' words. */
export function quizQuestionHints(c: Ctx, v: ViewOf<'quiz-question'>): string[] {
  const prompted = v.actions.filter((a) => a.prompt);
  const others = v.actions.filter((a) => !a.prompt);
  const letters = v.choices.map((ch) => oneLine(ch.letter));
  const how =
    letters.length > 0
      ? `Type ${letters.length > 1 ? `${letters[0]}–${letters[letters.length - 1]}` : letters[0]} to answer`
      : prompted.length > 0
        ? 'Type your answer'
        : 'Type';
  return others.length > 0 ? hintLines(c, others, `${how}, or`) : [c.s.dim(how)];
}

/** The score, then each question missed with what was given and the model answer. */
export function quizSummaryLines(c: Ctx, v: ViewOf<'quiz-summary'>): string[] {
  const what = v.review ? 'review' : 'quiz';
  const out = heading(c, `${oneLine(v.roleTitle)} ${what} ${v.stopped ? 'stopped' : 'finished'}`);
  out.push(
    `  ${label(c, `${v.correct}/${v.answered}`)} correct (${plural(v.total, 'question')}) · ${label(c, plural(v.points, 'point'))} · best streak ${v.bestStreak}`,
  );
  if (v.missed.length > 0) {
    out.push('', label(c, 'To review'));
    for (const m of v.missed) {
      const mark = m.outcome === 'skipped' ? c.s.yellow('→') : c.s.red('✗');
      out.push(...wrap(`${m.prompt} (${m.tier})`, c.width, `  ${mark} `, '    '));
      if (m.given !== undefined && m.given !== '') out.push(...wrap(m.given, c.width, '    You: ', '         ').map((l) => c.s.dim(l)));
      out.push(...wrap(m.modelAnswer, c.width, '    Answer: ', '            '));
    }
  }
  return out;
}
