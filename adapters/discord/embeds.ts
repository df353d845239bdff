/**
 * Embeds for the reference views: role sections, interviewer cards, search,
 * leaderboards, stats, help, notices and errors. Output may exceed limits;
 * `fitEmbeds` in render.ts trims it, so these stay readable rather than defensive.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { RESULT_KIND_LABELS } from '../../src/views.js';
import { rubricLines, sourceLabel } from '../format/grading.js';
import { lines } from '../format/text.js';
import type { ViewOf } from '../format/view.js';
import { medal, percent, plural, pts, tierLabel, usageLines } from '../format/words.js';
import { chunk, LIMITS } from './limits.js';
import { bullets, COLOURS, tierColour, topicList, userText } from './style.js';

/** A long text as one field, or several "(continued)" fields when it would not fit one. */
export function longFields(name: string, text: string, maxFields = 3): APIEmbedField[] {
  return chunk(text, LIMITS.fieldValue, maxFields).map((value, i) => ({ name: i === 0 ? name : `${name} (continued)`, value }));
}

/** Lines as inline code, one a line: usage that reads as something to type. */
function codeLines(items: readonly string[]): string {
  return items.map((line) => `\`${line.replace(/`/g, "'")}\``).join('\n');
}

/** A role section: summary, responsibilities, skills, use cases or mistakes. */
export function roleEmbeds(view: ViewOf<'role'>): APIEmbed[] {
  const description = [view.lead, view.tags?.length ? view.tags.map((t) => `\`${t}\``).join(' ') : undefined]
    .filter((s): s is string => Boolean(s))
    .join('\n\n');
  const fields = view.sections.flatMap((section) => {
    const body = [section.text, section.bullets?.length ? bullets(section.bullets) : undefined].filter((s): s is string => Boolean(s)).join('\n');
    return longFields(section.title, body || '—', 2);
  });
  const first: APIEmbed = { color: COLOURS.brand, title: view.title, description, fields: fields.slice(0, LIMITS.embedFields) };
  // The summary's title is the role itself; other sections say which role they belong to.
  if (view.title !== view.roleTitle) first.author = { name: view.roleTitle };
  const embeds = [first];
  // Sections past 25 fields continue in a second embed rather than vanish.
  if (fields.length > LIMITS.embedFields) embeds.push({ color: COLOURS.brand, fields: fields.slice(LIMITS.embedFields, 2 * LIMITS.embedFields) });
  return embeds;
}

/** The interviewer's card: the question, then all there is to listen for; the model answer only on request. */
export function cardEmbeds(view: ViewOf<'card'>): APIEmbed[] {
  const q = view.question;
  const fields: APIEmbedField[] = [];
  if (q.keyPoints.length) fields.push(...longFields('What a strong answer covers', bullets(q.keyPoints), 2));
  if (q.followUps.length) fields.push(...longFields('Follow-up probes', bullets(q.followUps), 2));
  for (const flag of q.redFlags.slice(0, 8)) fields.push({ name: `🚩 ${flag.title}`, value: flag.text });
  fields.push(...longFields('Rubric', rubricLines(q.rubric).join('\n'), 2));
  if (q.notes.length) fields.push(...longFields('Interviewer notes', bullets(q.notes), 2));
  const card: APIEmbed = {
    color: tierColour(q.tier),
    author: { name: `${view.roleTitle} · interviewer card` },
    title: `${tierLabel(q.tier)} question`,
    description: `**${q.prompt}**`,
    fields,
    footer: { text: `${tierLabel(q.tier)} · ${topicList(q.topics)} · ${q.id}` },
  };
  if (!view.answerShown) return [card];
  return [card, { color: tierColour(q.tier), title: 'Model answer', description: q.answer, footer: { text: sourceLabel(q.source) } }];
}

// Ten results read well in a chat message; the footer says how many there were.
const SEARCH_SHOWN = 10;

/** Search results as fields, best first. */
export function searchEmbeds(view: ViewOf<'search'>): APIEmbed[] {
  const shown = view.results.slice(0, SEARCH_SHOWN);
  const fields = shown.map((r, i) => ({
    name: `${i + 1}. ${r.title}`,
    value: `${r.snippet}\n*${RESULT_KIND_LABELS[r.kind]}${r.tier ? ` · ${tierLabel(r.tier)}` : ''}* · \`${r.id}\``,
  }));
  const more = view.results.length > shown.length ? `Showing ${shown.length} of ${view.results.length} results` : plural(view.results.length, 'result');
  return [
    {
      color: COLOURS.brand,
      author: { name: view.roleTitle },
      title: `🔎 ${userText(view.query)}`,
      description: view.results.length === 0 ? 'Nothing matched. Try fewer or different words.' : undefined,
      fields,
      footer: { text: more },
    },
  ];
}

/** A ranked table; names are plain text, never mentions. */
export function leaderboardEmbeds(view: ViewOf<'leaderboard'>): APIEmbed[] {
  const rows = view.rows.map(
    (r) => `${medal(r.rank) ?? `**${r.rank}.**`} ${userText(r.name)} — **${pts(r.points)}** · ${r.answered} answered · ${percent(r.accuracy)}`,
  );
  let description = rows.length ? '' : 'No scores yet. Start a quiz to get on the board!';
  let shown = 0;
  for (const row of rows) {
    // Whole rows only: a half-cut row would misreport someone's score.
    if (description.length + row.length + 40 > LIMITS.embedDescription) break;
    description += (shown ? '\n' : '') + row;
    shown += 1;
  }
  if (shown < rows.length) description += `\n… and ${rows.length - shown} more`;
  return [{ color: COLOURS.gold, author: { name: view.roleTitle }, title: `🏆 Leaderboard · ${view.periodLabel}`, description }];
}

function accuracyLines(rows: ViewOf<'stats'>['byTier']): string {
  return rows.map((r) => `${r.label}: ${r.correct}/${r.answered} (${percent(r.accuracy)})`).join('\n') || '—';
}

/** A user's own statistics. */
export function statsEmbeds(view: ViewOf<'stats'>): APIEmbed[] {
  const fields: APIEmbedField[] = [
    { name: 'Points', value: pts(view.points), inline: true },
    { name: 'This week', value: pts(view.weekPoints), inline: true },
    { name: 'Accuracy', value: `${percent(view.accuracy)} (${view.correct}/${view.answered})`, inline: true },
    { name: 'Streak', value: String(view.streak), inline: true },
    { name: 'Best streak', value: String(view.bestStreak), inline: true },
    { name: 'Due for review', value: String(view.reviewDue), inline: true },
  ];
  if (view.byTier.length) fields.push({ name: 'By tier', value: accuracyLines(view.byTier) });
  if (view.byTopic.length) fields.push({ name: 'By topic', value: accuracyLines(view.byTopic) });
  if (view.weakest.length) fields.push({ name: 'Worth practising', value: accuracyLines(view.weakest) });
  return [{ color: COLOURS.brand, author: { name: view.roleTitle }, title: `📊 ${userText(view.name)}`, fields }];
}

/** Every command with its usage lines and examples. */
export function helpEmbeds(view: ViewOf<'help'>): APIEmbed[] {
  const fields = view.commands.map((c) => ({
    name: `/${c.name.replace(/^\//, '')}`,
    value: [c.description, codeLines(usageLines(c.name, c.usage).slice(0, 10)), ...c.examples.slice(0, 3).map((e) => `e.g. \`${e}\``)].join('\n'),
  }));
  return [{ color: COLOURS.brand, title: view.title, fields }];
}

/** A short informational message. */
export function noticeEmbeds(view: ViewOf<'notice'>): APIEmbed[] {
  return [{ color: COLOURS.neutral, title: view.title, description: view.text }];
}

const ERROR_TITLE: Record<ViewOf<'error'>['code'], string> = {
  'unknown-command': 'Unknown command',
  'bad-arguments': 'That did not look right',
  'not-found': 'Not found',
  'no-quiz': 'No quiz running',
  'quiz-running': 'A quiz is already running',
  'stale-action': 'That button has expired',
  'not-yours': 'That is not yours',
  'nothing-to-review': 'Nothing to review',
  internal: 'Something went wrong',
  'not-saved': 'Not saved',
};

/** A user's mistake, said kindly, with usage when it helps (one line per form). */
export function errorEmbeds(view: ViewOf<'error'>): APIEmbed[] {
  const usage = view.usage ? lines(view.usage).slice(0, 12) : [];
  const description = usage.length ? `${view.message}\n\n**Usage**\n${codeLines(usage)}` : view.message;
  return [{ color: COLOURS.error, title: `⚠️ ${ERROR_TITLE[view.code]}`, description }];
}
