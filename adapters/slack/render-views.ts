/**
 * Non-quiz views: role sections, interviewer cards, search, leaderboard,
 * stats, help, notices and errors.
 */
import { RESULT_KIND_LABELS } from '../../src/views.js';
import { rubricLines, sourceLabel } from '../format/grading.js';
import { lines } from '../format/text.js';
import type { ViewOf } from '../format/view.js';
import { medal, percent, plural, pts, tierLabel, usageLines } from '../format/words.js';
import { context, divider, fields, header, type MessageBlock, sections } from './blocks.js';
import { esc, escClip, oneLine } from './blocks-text.js';
import { actionButtons, bulletList, type Parts, quote, topicList } from './render-parts.js';

/** A role section: lead, tags and titled sections with their bullets. */
export function renderRole(v: ViewOf<'role'>): Parts {
  const body: MessageBlock[] = [header(v.title)];
  const meta = context([
    `*${esc(oneLine(v.roleTitle))}*`,
    v.tags?.length
      ? v.tags
          .slice(0, 12)
          .map((t) => `\`${esc(t)}\``)
          .join('  ')
      : '',
  ]);
  if (meta) body.push(meta);
  if (v.lead) body.push(...sections(`_${esc(oneLine(v.lead))}_`));
  for (const s of v.sections) {
    const parts = [`*${escClip(oneLine(s.title), 200)}*`];
    if (s.text) parts.push(esc(s.text.trim()));
    if (s.bullets?.length) parts.push(bulletList(s.bullets, 1500));
    body.push(divider(), ...sections(parts.join('\n')));
  }
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `${v.roleTitle}: ${v.title}` };
}

/** The interviewer's card: everything to listen for up front, the model answer only once asked. */
export function renderCard(v: ViewOf<'card'>): Parts {
  const q = v.question;
  const body: MessageBlock[] = [header('Interview question')];
  const meta = context([esc(oneLine(v.roleTitle)), `*${tierLabel(q.tier)}*`, topicList(q.topics)]);
  if (meta) body.push(meta);
  body.push(...sections(`*${esc(oneLine(q.prompt))}*`), divider());
  body.push(...sections(`*What a strong answer covers*\n${bulletList(q.keyPoints, 300)}`));
  if (q.followUps.length) body.push(...sections(`*Follow-ups*\n${bulletList(q.followUps, 300)}`));
  if (q.redFlags.length) {
    const flags = q.redFlags.map((f) => `:warning: *${escClip(oneLine(f.title), 100)}* — ${escClip(oneLine(f.text), 400)}`).join('\n');
    body.push(...sections(`*Red flags*\n${flags}`));
  }
  body.push(...sections(`*Rubric*\n${bulletList(rubricLines(q.rubric), 320)}`));
  if (q.notes.length) body.push(...sections(`*Interviewer notes*\n${bulletList(q.notes, 400)}`));
  if (v.answerShown) {
    body.push(divider(), ...sections(`*Model answer*\n${quote(q.answer, 2900)}`));
    const source = context([esc(sourceLabel(q.source))]);
    if (source) body.push(source);
  }
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Interview question: ${oneLine(q.prompt)}` };
}

/** Results shown; the rest are counted, keeping the message compact. */
const MAX_RESULTS = 10;

/** Search results, best first. */
export function renderSearch(v: ViewOf<'search'>): Parts {
  // User text stays out of plain_text headers: only escaped mrkdwn carries it.
  const body: MessageBlock[] = [header('Search results')];
  const meta = context([
    `*${escClip(oneLine(v.query), 200)}*`,
    esc(oneLine(v.roleTitle)),
    v.results.length === 0 ? 'No results' : plural(v.results.length, 'result'),
  ]);
  if (meta) body.push(meta);
  if (v.results.length === 0) {
    body.push(...sections(`Nothing matched *${escClip(oneLine(v.query), 200)}*. Try fewer or different words.`));
  }
  for (const r of v.results.slice(0, MAX_RESULTS)) {
    const label = [RESULT_KIND_LABELS[r.kind], r.tier ? tierLabel(r.tier) : ''].filter(Boolean).join(' · ');
    body.push(...sections(`*${escClip(oneLine(r.title), 300)}*  _${label}_\n${escClip(oneLine(r.snippet), 500)}`));
  }
  if (v.results.length > MAX_RESULTS) {
    const more = context([`…and ${v.results.length - MAX_RESULTS} more. Narrow the search to see them.`]);
    if (more) body.push(more);
  }
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Search "${oneLine(v.query)}": ${plural(v.results.length, 'result')}` };
}

const MAX_ROWS = 25;

// Slack user ids, the only ids ever turned into a mention.
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * In a private (ephemeral) board a `<@id>` mention shows each player's current
 * Slack name and notifies nobody; a board shared to the channel would ping
 * every player, so there names stay escaped plain text.
 */
export function renderLeaderboard(v: ViewOf<'leaderboard'>, mentions = false): Parts {
  const body: MessageBlock[] = [header(`Leaderboard · ${v.periodLabel}`)];
  const meta = context([esc(oneLine(v.roleTitle))]);
  if (meta) body.push(meta);
  if (v.rows.length === 0) body.push(...sections('No answers yet — start a quiz to get on the board.'));
  const lines = v.rows.slice(0, MAX_ROWS).map((r) => {
    const rank = medal(r.rank) ?? `*${r.rank}.*`;
    const who = mentions && SLACK_USER_ID.test(r.userId) ? `<@${r.userId}>` : escClip(oneLine(r.name), 80);
    return `${rank}  ${who} — *${pts(r.points)}* · ${plural(r.answered, 'answer')} · ${percent(r.accuracy)}`;
  });
  if (lines.length) body.push(...sections(lines.join('\n')));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Leaderboard (${v.periodLabel})` };
}

/** A user's own numbers, then accuracy by tier, by topic and the weakest topics. */
export function renderStats(v: ViewOf<'stats'>): Parts {
  const body: MessageBlock[] = [header('Your stats')];
  const meta = context([`*${escClip(oneLine(v.name), 80)}*`, esc(oneLine(v.roleTitle))]);
  if (meta) body.push(meta);
  body.push(
    ...fields([
      `*Points*\n${v.points}`,
      `*This week*\n${v.weekPoints}`,
      `*Answered*\n${v.answered} (${v.correct} correct)`,
      `*Accuracy*\n${percent(v.accuracy)}`,
      `*Streak*\n${v.streak} (best ${v.bestStreak})`,
      `*Due for review*\n${v.reviewDue}`,
    ]),
  );
  const rows = (title: string, list: typeof v.byTier): MessageBlock[] =>
    list.length === 0
      ? []
      : sections(
          `*${title}*\n${list
            .slice(0, 15)
            .map((r) => `•  ${escClip(oneLine(r.label), 80)}: ${r.correct}/${r.answered} (${percent(r.accuracy)})`)
            .join('\n')}`,
        );
  body.push(...rows('By tier', v.byTier), ...rows('By topic', v.byTopic), ...rows('Weakest topics', v.weakest));
  return { body, footer: actionButtons(v.actions, new Set()), fallback: `Stats for ${v.name}` };
}

/** Every command with its usage lines and examples. */
export function renderHelp(v: ViewOf<'help'>): Parts {
  const body: MessageBlock[] = [header(v.title)];
  for (const c of v.commands) {
    const bare = oneLine(c.name).replace(/^\//, '');
    const usage = usageLines(bare, c.usage)
      .slice(0, 10)
      .map((u) => `\`${escClip(u, 200)}\``);
    const text = [`*/${escClip(bare, 100)}* — ${escClip(oneLine(c.description), 500)}`, ...usage];
    if (c.examples.length)
      text.push(
        `_e.g._ ${c.examples
          .slice(0, 3)
          .map((e) => `\`${escClip(oneLine(e), 100)}\``)
          .join('  ')}`,
      );
    body.push(...sections(text.join('\n')));
  }
  return { body, footer: [], fallback: v.title };
}

/** A short message with its buttons. */
export function renderNotice(v: ViewOf<'notice'>): Parts {
  return {
    body: [header(v.title), ...sections(esc(v.text.trim()))],
    footer: actionButtons(v.actions, new Set()),
    fallback: `${v.title}: ${oneLine(v.text)}`,
  };
}

/** A user's mistake, said kindly, with the usage that would have worked. */
export function renderError(v: ViewOf<'error'>): Parts {
  const icon = v.code === 'internal' ? ':boom:' : v.code === 'stale-action' ? ':hourglass:' : ':warning:';
  const body: MessageBlock[] = sections(`${icon} ${esc(v.message.trim())}`);
  if (v.usage) {
    const usage = lines(v.usage)
      .slice(0, 12)
      .map((u) => `\`${escClip(u, 300)}\``);
    body.push(...sections(`*Usage*\n${usage.join('\n')}`));
  }
  return { body, footer: [], fallback: oneLine(v.message) };
}
