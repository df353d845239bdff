/**
 * Keeping interview text from pinging anyone. A candidate label is stripped
 * of mention syntax outright (it is a label, never an address); a note is
 * escaped instead, so what the interviewer wrote stays readable but inert.
 */

// Slack `<@U123>`, `<@U123|name>`, `<!here>`, `<!subteam^S1>`, `<#C123|general>`;
// Discord `<@123>`, `<@!123>`, `<@&123>` (roles), `<#123>`, `</deploy:123>` (command links).
const ANGLED = /<(?:[@!#]|\/[^>\s]*:)[^>]*>/g;
const BROADCAST = /@(?=(?:here|everyone|channel)\b)/gi;
const ZWSP = '\u200b';

/** Removes mention syntax: angle-bracket mentions go, broadcasts go, `@name` becomes `name`. */
export function stripMentions(text: string): string {
  let out = text;
  // Again until nothing changes: removing `<@U1>` from `<<@U1>!here>` would leave `<!here>`.
  for (let before = ''; before !== out; ) {
    before = out;
    out = out
      .replace(ANGLED, '')
      .replace(/@(?:here|everyone|channel)\b/gi, '')
      .replace(/(^|[^\w])@+(?=\w)/g, '$1');
  }
  return out;
}

/**
 * Makes mention syntax inert with a zero-width space, the way chat libraries
 * escape it: `<@U1>` becomes `<\u200b@U1>`, `@here` becomes `@\u200bhere`.
 * Shown text looks the same; no platform parses it as a mention.
 */
export function escapeMentions(text: string): string {
  return text.replace(/<(?=[@!#/])/g, `<${ZWSP}`).replace(BROADCAST, `@${ZWSP}`);
}

/** Whether text still holds something a platform would turn into a mention (for tests and guards). */
export function hasMention(text: string): boolean {
  return /<[@!#]|<\/[^>\s]*:\d+>|@(?:here|everyone|channel)\b/i.test(text);
}
