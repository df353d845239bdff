/**
 * Button ids on the wire. A view's buttons carry everything needed to act on
 * them, so the adapters stay stateless; ids stay within Discord's 100-character
 * custom_id. Shape: `<prefix>|<code>|<fields...>` — the role's command prefix,
 * the area's code, then the area's own fields (`devops|c|open|q1`).
 *
 * Each command family declares the areas it owns with {@link defineButtons},
 * in its `*-buttons.ts` file. That file imports nothing from the family, so
 * the views that mint ids and the handlers that serve them can both use it
 * without an import cycle. Ids already posted in chats must keep decoding:
 * an area's code and its field order never change.
 */
import type { Tier } from '../content/schema.js';

/** Discord's custom_id limit; Slack allows more, so the smaller one rules. */
export const MAX_ACTION_ID = 100;
const SEP = '|';

/** What every decoded button names first: its area (`card`, `quiz`, ...). */
export interface AreaRef {
  readonly area: string;
}

/** A ref without its `area`, which the codec that encodes it implies (distributes over unions). */
export type Fields<R extends AreaRef> = R extends unknown ? Omit<R, 'area'> : never;

/** How one area's buttons become ids and back. */
export interface ButtonCodec<R extends AreaRef> {
  readonly area: R['area'];
  /** The code after the prefix (`c`): short, because ids are capped, and fixed forever. */
  readonly code: string;
  /** The id of a button for a role's command prefix; cut to {@link MAX_ACTION_ID}. */
  id(prefix: string, ref: Fields<R>): string;
  /** The ref of the fields after the code; undefined for anything malformed. */
  decode(fields: readonly string[]): R | undefined;
}

/** What an area writes: its name, code, and its fields in order, both ways. */
export interface ButtonSpec<R extends AreaRef> {
  area: R['area'];
  code: string;
  /** The fields after the code; trailing empty ones are dropped from the id. */
  encode(ref: Fields<R>): readonly (string | number)[];
  decode(fields: readonly string[]): R | undefined;
}

const CODE = /^[a-z]{1,2}$/;

/** Declares a button area. */
export function defineButtons<R extends AreaRef>(spec: ButtonSpec<R>): ButtonCodec<R> {
  if (!CODE.test(spec.code)) throw new Error(`button area ${spec.area}: code "${spec.code}" must be one or two lowercase letters`);
  return {
    area: spec.area,
    code: spec.code,
    id(prefix, ref) {
      // Trailing optional fields left empty are dropped, so ids stay short and old ids keep their shape.
      const id = [prefix, spec.code, ...spec.encode(ref)].join(SEP).replace(/\|+$/, '');
      return id.slice(0, MAX_ACTION_ID);
    },
    decode: (fields) => spec.decode(fields),
  };
}

/** The role prefix of a button id, to route it; undefined when it isn't ours. */
export function actionPrefix(id: string): string | undefined {
  const at = id.indexOf(SEP);
  return at > 0 ? id.slice(0, at) : undefined;
}

/** An id cut into prefix, area code and fields; undefined when too long or without a code. */
export function splitActionId(id: string): { prefix: string; code: string; fields: string[] } | undefined {
  if (id.length > MAX_ACTION_ID) return undefined;
  const [prefix, code, ...fields] = id.split(SEP);
  return prefix !== undefined && code ? { prefix, code, fields } : undefined;
}

// Field helpers shared by several areas.

const TIER_CODE = { basic: 'b', technical: 't', advanced: 'a', mixed: 'm' } as const;
const CODE_TIER: Readonly<Record<string, Tier | 'mixed'>> = { b: 'basic', t: 'technical', a: 'advanced', m: 'mixed' };

/** One letter for a tier (or `mixed`). */
export function tierCode(tier: Tier | 'mixed'): string {
  return TIER_CODE[tier];
}

/** The tier (or `mixed`) a letter stands for; undefined for anything else. */
export function tierOfCode(code: string | undefined): Tier | 'mixed' | undefined {
  return code ? CODE_TIER[code] : undefined;
}

/** A small whole number field (0..9999); undefined for anything else. */
export function smallInt(field: string | undefined): number | undefined {
  return field !== undefined && /^\d{1,4}$/.test(field) ? Number(field) : undefined;
}

/** Free text in an id (a topic): short, and free of the separator. */
export function idText(text: string, max: number): string {
  return text
    .replace(/[|\s]+/g, ' ')
    .trim()
    .slice(0, max);
}
