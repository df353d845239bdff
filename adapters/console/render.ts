/**
 * Renders neutral replies as terminal text. Pure: no IO, no environment; the
 * caller decides on colour. Every string from a view is neutralised, since
 * views carry user-typed text (quiz answers, search queries, display names).
 */
import { RESULT_KIND_LABELS, type Action, type AnswerFeedback, type Reply, type View } from '../../src/views.js';
import { neutralise, oneLine, styles, wrap, type Styles } from './text.js';

/** How to render. */
export interface RenderOptions {
  /** Emit ANSI colour; pass false when output is not a TTY or `NO_COLOR` is set. */
  color: boolean;
  /** Columns to wrap to; 100 by default. */
  width?: number;
}

/** An action as the console offers it: type `word` (or the whole `label`) to trigger it. */
export interface ActionHint {
  /** What to type: the label's first word, or the whole label when that word is shared. */
  word: string;
  /** The label lowercased and stripped of symbols, e.g. `show answer`. */
  label: string;
  action: Action;
}

/** Lowercases a label and keeps letters, digits and inner spaces: `"⬆ Harder"` → `harder`. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words that trigger a view's actions. The first word of a label is enough
 * unless two labels share it; then only the whole label does.
 */
export function actionHints(actions: readonly Action[]): ActionHint[] {
  const labels = actions.map((action) => ({ action, label: normaliseWords(action.label) })).filter((a) => a.label !== '');
  const firstWord = (label: string) => label.split(' ')[0] ?? label;
  const counts = new Map<string, number>();
  for (const { label } of labels) counts.set(firstWord(label), (counts.get(firstWord(label)) ?? 0) + 1);
  return labels.map(({ action, label }) => ({
    action,
    label,
    word: (counts.get(firstWord(label)) ?? 0) > 1 ? label : firstWord(label),
  }));
}

/**
 * Finds the action a typed line names: its word, its whole label, or any one
 * word of its label that no other action's label has (`stats` for "My stats").
 */
export function matchActionWord(line: string, actions: readonly Action[]): Action | undefined {
  const typed = normaliseWords(line);
  if (typed === '') return undefined;
  const hints = actionHints(actions);
  const exact = hints.find((h) => h.word === typed || h.label === typed);
  if (exact || typed.includes(' ')) return exact?.action;
  const containing = hints.filter((h) => h.label.split(' ').includes(typed));
  return containing.length === 1 ? containing[0]?.action : undefined;
}

interface Ctx {
  s: Styles;
  width: number;
}

/** Characters of a search result's text shown under its title. */
const SNIPPET_MAX = 220;

const TIER_MARK: Record<string, string> = { basic: 'basic', technical: 'technical', advanced: 'advanced' };

function heading(c: Ctx, text: string): string[] {
  return wrap(text, c.width).map((l) => c.s.bold(c.s.cyan(l)));
}

function para(c: Ctx, text: string, indent = ''): string[] {
  return wrap(text, c.width, indent);
}

function bullets(c: Ctx, items: readonly string[], mark = '•', indent = '  '): string[] {
  return items.flatMap((item) => wrap(item, c.width, `${indent}${mark} `, `${indent}${' '.repeat([...mark].length + 1)}`));
}

function label(c: Ctx, name: string): string {
  return c.s.bold(name);
}

/** `[another] [harder] [show answer]`, wrapped; prompt actions say they take text. */
function hintLines(c: Ctx, actions: readonly Action[], lead = 'Type'): string[] {
  const hints = actionHints(actions);
  if (hints.length === 0) return [];
  const parts = hints.map((h) => `[${h.label}]`);
  return wrap(`${lead}: ${parts.join(' ')}`, c.width, '', '  ').map((l) => c.s.dim(l));
}

function percent(n: number): string {
  return `${Math.round(n)}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function feedbackLines(c: Ctx, f: AnswerFeedback): string[] {
  const out: string[] = [];
  const pts = f.points > 0 ? ` +${plural(f.points, 'point')}${f.bonus > 0 ? ` (streak bonus +${f.bonus})` : ''}` : '';
  if (f.outcome === 'correct') out.push(c.s.green(c.s.bold(`✓ Correct!${pts}`)));
  else if (f.outcome === 'wrong') out.push(c.s.red(c.s.bold(`✗ Not quite.${pts}`)));
  else out.push(c.s.yellow(c.s.bold('→ Skipped.')));
  out.push(...wrap(f.prompt, c.width, '  Q: ', '     ').map((l) => c.s.dim(l)));
  if (f.given !== undefined && f.given !== '') out.push(...wrap(f.given, c.width, '  You: ', '       '));
  if (f.correctChoice !== undefined && f.outcome !== 'correct') out.push(...wrap(f.correctChoice, c.width, '  Correct: ', '           '));
  if (f.score !== undefined) out.push(`  Score: ${label(c, `${Math.round(f.score)}/100`)}`);
  if (f.covered && f.covered.length > 0) {
    out.push('  Covered:');
    out.push(...bullets(c, f.covered, '✓', '    '));
  }
  if (f.missed && f.missed.length > 0) {
    out.push('  Missed:');
    out.push(...bullets(c, f.missed, '✗', '    '));
  }
  out.push('  Model answer:');
  out.push(...para(c, f.modelAnswer, '    '));
  return out;
}

function renderView(c: Ctx, view: View): string[] {
  const { s } = c;
  switch (view.kind) {
    case 'role': {
      // Section titles often repeat the role title ("DevOps Engineer: Key skills").
      const title = oneLine(view.title);
      const roleTitle = oneLine(view.roleTitle);
      const out = heading(c, title.startsWith(roleTitle) ? title : `${roleTitle} — ${title}`);
      if (view.lead) out.push(...para(c, view.lead).map((l) => s.bold(l)));
      if (view.tags && view.tags.length > 0) out.push(...wrap(view.tags.map((t) => `#${oneLine(t)}`).join(' '), c.width).map((l) => s.dim(l)));
      for (const section of view.sections) {
        out.push('', ...wrap(section.title, c.width).map((l) => s.bold(l)));
        if (section.text) out.push(...para(c, section.text));
        if (section.bullets) out.push(...bullets(c, section.bullets));
      }
      out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'card': {
      const q = view.question;
      const out: string[] = [];
      if (view.note) out.push(...para(c, view.note).map((l) => s.yellow(l)));
      out.push(...heading(c, `${oneLine(view.roleTitle)} · ${TIER_MARK[q.tier] ?? q.tier} · ${q.topics.map(oneLine).join(', ')}`));
      out.push(...para(c, q.prompt).map((l) => s.bold(l)), s.dim(`  id: ${oneLine(q.id)}`));
      if (view.answerShown) {
        out.push('', label(c, 'Answer'), ...para(c, q.answer, '  '));
        if (q.keyPoints.length > 0) out.push('', label(c, 'Key points'), ...bullets(c, q.keyPoints));
        if (q.followUps.length > 0) out.push('', label(c, 'Follow-ups'), ...bullets(c, q.followUps, '?'));
        if (q.redFlags.length > 0) {
          out.push('', label(c, 'Red flags'));
          for (const flag of q.redFlags) {
            out.push(...wrap(flag.title, c.width, '  ! ', '    ').map((l) => s.red(l)), ...para(c, flag.text, '    '));
          }
        }
      } else {
        out.push(s.dim('  (answer hidden)'));
      }
      out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'quiz-question': {
      const out: string[] = [];
      if (view.feedback) out.push(...feedbackLines(c, view.feedback), '');
      if (view.note) out.push(...para(c, view.note).map((l) => s.yellow(l)));
      const p = view.progress;
      const title = `${oneLine(view.roleTitle)} ${view.review ? 'review' : 'quiz'} · question ${p.number}/${p.total} · ${view.question.tier}`;
      out.push(...heading(c, title));
      out.push(s.dim(`  ${plural(p.points, 'point')} · streak ${p.streak} · ${view.question.topics.map(oneLine).join(', ')}`));
      out.push(...para(c, view.question.prompt).map((l) => s.bold(l)));
      for (const choice of view.choices) {
        const letter = oneLine(choice.letter);
        out.push(...wrap(choice.text, c.width, `  ${s.bold(letter)}) `, ' '.repeat(letter.length + 4)));
      }
      const prompted = view.actions.filter((a) => a.prompt);
      const others = view.actions.filter((a) => !a.prompt);
      const letters = view.choices.map((ch) => oneLine(ch.letter));
      const how =
        view.choices.length > 0
          ? `Type ${letters.length > 1 ? `${letters[0]}–${letters[letters.length - 1]}` : (letters[0] ?? '')} to answer`
          : prompted.length > 0
            ? 'Type your answer'
            : 'Type';
      out.push('');
      if (others.length > 0) out.push(...hintLines(c, others, `${how}, or`));
      else out.push(s.dim(how));
      return out;
    }
    case 'quiz-summary': {
      const out: string[] = [];
      if (view.feedback) out.push(...feedbackLines(c, view.feedback), '');
      const what = view.review ? 'review' : 'quiz';
      out.push(...heading(c, `${oneLine(view.roleTitle)} ${what} ${view.stopped ? 'stopped' : 'finished'}`));
      out.push(
        `  ${label(c, `${view.correct}/${view.answered}`)} correct (${plural(view.total, 'question')}) · ${label(c, plural(view.points, 'point'))} · best streak ${view.bestStreak}`,
      );
      if (view.missed.length > 0) {
        out.push('', label(c, 'To review'));
        for (const m of view.missed) {
          const mark = m.outcome === 'skipped' ? s.yellow('→') : s.red('✗');
          out.push(...wrap(`${m.prompt} (${m.tier})`, c.width, `  ${mark} `, '    '));
          if (m.given !== undefined && m.given !== '') out.push(...wrap(m.given, c.width, '    You: ', '         ').map((l) => s.dim(l)));
          out.push(...wrap(m.modelAnswer, c.width, '    Answer: ', '            '));
        }
      }
      out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'search': {
      const out = heading(c, `${oneLine(view.roleTitle)} · search: "${oneLine(view.query)}" · ${plural(view.results.length, 'result')}`);
      if (view.results.length === 0) out.push('  No matches. Try other words.');
      view.results.forEach((r, i) => {
        const tag = [RESULT_KIND_LABELS[r.kind], r.tier].filter(Boolean).join(' · ');
        out.push(...wrap(`${oneLine(r.title)} [${tag}]`, c.width, `${String(i + 1).padStart(2)}. `, '    '));
        // Ten full answers would scroll the question list away; the card has the rest.
        out.push(...wrap(clip(oneLine(r.snippet), SNIPPET_MAX), c.width, '    ').map((l) => s.dim(l)));
        if (r.kind === 'question') out.push(s.dim(`    id: ${oneLine(r.id)}`));
      });
      out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'leaderboard': {
      const out = heading(c, `${oneLine(view.roleTitle)} leaderboard · ${oneLine(view.periodLabel)}`);
      if (view.rows.length === 0) out.push('  Nobody has points yet.');
      else {
        const names = view.rows.map((r) => clip(oneLine(r.name), 30));
        const nameWidth = Math.max(4, ...names.map((n) => [...n].length));
        out.push(s.dim(`   #  ${'Name'.padEnd(nameWidth)}  Points  Answered  Accuracy`));
        view.rows.forEach((r, i) => {
          const name = names[i] ?? '';
          out.push(
            `${String(r.rank).padStart(4)}  ${name}${' '.repeat(nameWidth - [...name].length)}  ${String(r.points).padStart(6)}  ${String(r.answered).padStart(8)}  ${percent(r.accuracy).padStart(8)}`,
          );
        });
      }
      out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'stats': {
      const out = heading(c, `${oneLine(view.roleTitle)} · stats for ${oneLine(view.name)}`);
      out.push(
        `  ${label(c, plural(view.points, 'point'))} (${view.weekPoints} this week) · ${view.correct}/${view.answered} correct (${percent(view.accuracy)})`,
        `  Streak ${view.streak} · best ${view.bestStreak} · ${plural(view.reviewDue, 'question')} due for review`,
      );
      const table = (title: string, rows: typeof view.byTier) => {
        if (rows.length === 0) return;
        const w = Math.max(...rows.map((r) => [...oneLine(r.label)].length), 5);
        out.push('', label(c, title));
        for (const r of rows) {
          const l = clip(oneLine(r.label), 40);
          out.push(`  ${l}${' '.repeat(Math.max(0, Math.min(w, 40) - [...l].length))}  ${String(r.correct).padStart(3)}/${String(r.answered).padEnd(3)} ${percent(r.accuracy).padStart(4)}`);
        }
      };
      table('By tier', view.byTier);
      table('By topic', view.byTopic);
      table('Weakest', view.weakest);
      out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'help': {
      const out = heading(c, view.title);
      for (const cmd of view.commands) {
        // Usage may already be full lines, one per subcommand (`/devops-quiz start ...`).
        const usage = cmd.usage.trim().startsWith('/') ? cmd.usage.trim() : `/${oneLine(cmd.name)} ${oneLine(cmd.usage)}`.trim();
        out.push('', ...usage.split('\n').flatMap((line) => wrap(line, c.width, '  ', '      ')).map((l) => s.bold(l)));
        out.push(...para(c, cmd.description, '    '));
        out.push(...cmd.examples.flatMap((e) => wrap(e, c.width, '    e.g. ', '         ').map((l) => s.dim(l))));
      }
      return out;
    }
    case 'notice': {
      const out = heading(c, view.title);
      out.push(...para(c, view.text));
      if (view.actions.length > 0) out.push('', ...hintLines(c, view.actions));
      return out;
    }
    case 'error': {
      const out = wrap(`${view.message}`, c.width, '✗ ', '  ').map((l) => s.red(l));
      if (view.usage) out.push(...wrap(view.usage, c.width, '  Usage: ', '         ').map((l) => s.dim(l)));
      return out;
    }
  }
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Renders one reply as terminal text (no trailing newline). */
export function renderReply(reply: Reply, options: RenderOptions): string {
  const c: Ctx = { s: styles(options.color), width: Math.max(40, options.width ?? 100) };
  const lines = renderView(c, reply.view);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Renders text the console writes itself around replies (banners, notes), neutralised and wrapped. */
export function renderText(text: string, options: RenderOptions): string {
  return wrap(neutralise(text), Math.max(40, options.width ?? 100)).join('\n');
}
