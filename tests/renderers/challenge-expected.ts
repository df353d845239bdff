/**
 * What every renderer must show of a challenge view (expected.ts asks here):
 * the wording shared with the renderers comes from adapters/format/challenge.ts.
 */
import { challengeProgress, choiceCountLine, fastestLine, rightLine, standingFigures, starterLine, timerLine } from '../../adapters/format/challenge.js';
import type { View } from '../../src/views.js';
import type { Expected } from './expected.js';

const each = (what: string, items: readonly (string | undefined)[]): Expected[] =>
  items.filter((text): text is string => text !== undefined && text.trim() !== '').map((text) => ({ what, text }));

export function challengeExpected(view: Extract<View, { kind: `challenge-${string}` }>): Expected[] {
  switch (view.kind) {
    case 'challenge-question':
      return [
        ...each('title', [view.roleTitle, challengeProgress(view), view.question.prompt]),
        ...each(
          'choice',
          view.choices.map((c) => c.text),
        ),
        ...each('timer', [timerLine(view)]),
        ...each('points', [view.points]),
        ...each('starter', [starterLine(view)]),
      ];
    case 'challenge-reveal':
      return [
        ...each('title', [view.roleTitle, challengeProgress(view), view.question.prompt]),
        ...each('answer', [view.answer, view.explanation]),
        ...each('count', view.choices.map(choiceCountLine)),
        ...each('who was right', [rightLine(view), fastestLine(view)]),
        ...each('points', [view.points]),
      ];
    case 'challenge-standings':
      return [...each('title', [view.roleTitle, view.title, view.summary]), ...view.rows.flatMap((r) => each('standing', [r.name, standingFigures(r)]))];
  }
}
