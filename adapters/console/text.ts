/**
 * Terminal text primitives: neutralising untrusted text, optional ANSI styling
 * and word wrapping that never splits an escape sequence.
 */
import { oneLine as fold } from '../format/text.js';

// C0 controls except tab and newline, DEL, and C1 controls: a terminal would
// act on them (move the cursor, change colours, set the title).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional overrides and isolates can make text display in another order
// than it reads ("Trojan Source"); zero-width characters hide content.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Makes text safe to print: control characters (including ESC, so no ANSI
 * sequence survives) become visible Control Pictures (`␛`), invisible
 * direction marks are dropped, tabs become spaces and CRLF becomes LF.
 */
export function neutralise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, (c) => {
      const code = c.charCodeAt(0);
      // Control Pictures exist for 0x00-0x20 and DEL; C1 has none.
      if (code < 0x20) return String.fromCharCode(0x2400 + code);
      return code === 0x7f ? '\u2421' : '\ufffd';
    });
}

/** Neutralises and folds onto one line, for titles, names and list items. */
export function oneLine(text: string): string {
  return fold(neutralise(text));
}

/** Styling functions; identity functions when colour is off. */
export interface Styles {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);
const plain = (s: string) => s;

/** ANSI SGR styles when `color` is true, else no-ops. */
export function styles(color: boolean): Styles {
  if (!color) return { bold: plain, dim: plain, green: plain, red: plain, yellow: plain, cyan: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}

/** Length in code points once our own SGR sequences are left out (prefixes may be styled). */
export function visibleLength(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/**
 * Word-wraps one paragraph (no newlines) to `width` columns, prefixing the
 * first line with `first` and the others with `rest` (a hanging indent).
 * Words longer than a line are cut, so nothing runs past the width.
 */
function wrapParagraph(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  const room = () => Math.max(10, width - visibleLength(prefix));
  const push = () => {
    lines.push(prefix + line);
    prefix = rest;
    line = '';
  };
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    let chars = [...word];
    if (line !== '' && [...line].length + 1 + chars.length > room()) push();
    while (line === '' && chars.length > room()) {
      line = chars.slice(0, room()).join('');
      chars = chars.slice(room());
      push();
    }
    if (chars.length > 0) line = line === '' ? chars.join('') : `${line} ${chars.join('')}`;
  }
  if (line !== '' || lines.length === 0) lines.push(prefix + line);
  return lines.map((l) => l.trimEnd());
}

/**
 * Neutralises and wraps text that may hold several paragraphs. Each source
 * line wraps on its own so authored line breaks (lists in answers) survive.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  neutralise(text)
    .trim()
    .split('\n')
    .forEach((para, i) => {
      const trimmed = para.trimEnd();
      const lead = trimmed.match(/^ */)?.[0] ?? '';
      const head = i === 0 ? first : rest;
      out.push(...wrapParagraph(trimmed.slice(lead.length), width, head + lead, rest + lead));
    });
  return out;
}
