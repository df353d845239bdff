/**
 * Every button area of every command family, derived from the family list:
 * what a button id decodes to and which family serves it. Views mint ids
 * with their own family's codec (`families/*-buttons.ts`), never through
 * here, since this module imports every family and their handlers.
 */
import type { AreaRef } from './commands/buttons.js';
import { splitActionId } from './commands/buttons.js';
import { FAMILIES } from './commands/families/index.js';
import type { ActionArea, Family } from './commands/family.js';

export { actionPrefix, MAX_ACTION_ID } from './commands/buttons.js';

type AreasOf<F> = F extends Family<infer A> ? A[number] : never;
type RefOf<A> = A extends ActionArea<infer R> ? R : never;

/** Everything a button can ask for, decoded: the union of every family's refs. */
export type ActionRef = RefOf<AreasOf<(typeof FAMILIES)[number]>>;

const AREAS: readonly ActionArea[] = FAMILIES.flatMap((family): readonly ActionArea[] => family.areas);
const BY_CODE = new Map(AREAS.map((a) => [a.codec.code, a]));
const BY_NAME = new Map(AREAS.map((a) => [a.codec.area, a]));
// Two areas on one code would make old ids decode as the wrong thing.
if (BY_CODE.size !== AREAS.length || BY_NAME.size !== AREAS.length) {
  throw new Error(`button areas must have distinct names and codes: ${AREAS.map((a) => `${a.codec.area}=${a.codec.code}`).join(', ')}`);
}

/** A decoded id and the area that serves it. */
export interface RoutedAction {
  area: ActionArea;
  ref: AreaRef;
}

/** The area and ref of a button id; undefined for anything malformed or foreign. */
export function routeAction(id: string): RoutedAction | undefined {
  const split = splitActionId(id);
  const area = split ? BY_CODE.get(split.code) : undefined;
  const ref = split && area ? area.codec.decode(split.fields) : undefined;
  return area && ref ? { area, ref } : undefined;
}

/** Decodes a button id; undefined for anything malformed or foreign. */
export function decodeAction(id: string): ActionRef | undefined {
  // Sound: each area's codec decodes only to that area's own refs, which are members of the union.
  return routeAction(id)?.ref as ActionRef | undefined;
}

/** Encodes any button id for one role (tests and tools; views use their family's codec). */
export function encodeAction(prefix: string, ref: ActionRef): string {
  const area = BY_NAME.get(ref.area);
  if (!area) throw new Error(`no button area "${ref.area}"`);
  return area.codec.id(prefix, ref);
}
