/** What every interview handler shares: the owner, the view context, errors as replies, loading one's own interview. */
import { interviewButtons } from '../commands/families/interview-buttons.js';
import type { InterviewError } from '../interview/result.js';
import { assertAuthor, type InterviewSession } from '../interview/session.js';
import type { InterviewViewContext } from '../interview/view-context.js';
import type { Owner } from '../ports.js';
import type { ErrorCode, Reply, View } from '../views.js';
import { commandName, errorReply, type HandlerInput } from './context.js';

/** At most this many unfinished interviews are read for the list. */
export const LIST_INTERVIEWS = 20;

export const ownerOf = (input: HandlerInput): Owner => ({ platform: input.ctx.user.platform, id: input.ctx.user.id });

export function viewContext(input: HandlerInput): InterviewViewContext {
  const { role } = input.rt;
  return {
    roleTitle: role.title,
    questions: role.questions,
    mistakes: role.mistakes,
    actionId: (ref) => interviewButtons.id(role.commandPrefix, ref),
  };
}

export const CODES: Partial<Record<InterviewError['code'], ErrorCode>> = {
  'not-found': 'not-found',
  'not-yours': 'not-found',
  'wrong-question': 'stale-action',
};

export function failed(error: InterviewError): Reply {
  return errorReply(CODES[error.code] ?? 'bad-arguments', error.message);
}

export const priv = (view: View, replace = false): Reply => ({ visibility: 'private', view, ...(replace ? { replace: true } : {}) });

export function notFound(input: HandlerInput, what: 'interview' | 'scorecard', id: string): Reply {
  return errorReply('not-found', `You have no ${what} "${id.slice(0, 20)}". ${commandName(input, 'interview')} list shows yours.`);
}

/** The caller's interview of this role with this id; anyone else's reads as not found. */
export async function loadInterview(input: HandlerInput, id: string): Promise<InterviewSession | Reply> {
  const session = await input.deps.store.getInterview(ownerOf(input), id);
  if (!session || session.roleId !== input.rt.role.id || !assertAuthor(session, input.ctx.user).ok) return notFound(input, 'interview', id);
  return session;
}

export const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'visibility' in x && 'view' in x;
