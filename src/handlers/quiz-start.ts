/** `quiz start` and `quiz review`: a new quiz from the bank or the review queue, saying when it is shorter than asked. */
import type { Tier } from '../content/schema.js';
import { filterQuestions, pickMany, poolKey, withSeen } from '../questions/pick.js';
import { quizQuestionView } from '../quiz/quiz-views.js';
import { dueForReview, nextDue } from '../quiz/review.js';
import { DEFAULT_QUIZ_LENGTH, startSession } from '../quiz/session.js';
import { randomId } from '../random.js';
import type { Reply } from '../views.js';
import { errorReply, type HandlerInput, numberValue, stringValue, updateMe } from './context.js';
import { endOrphaned, isOrphaned, keyOf, liveSession } from './quiz-live.js';

interface StartSettings {
  tier: Tier | 'mixed';
  count: number;
  mode: 'choice' | 'text';
  review: boolean;
}

export async function begin(input: HandlerInput, settings: StartSettings): Promise<Reply> {
  return input.lock.run(keyOf(input), async () => {
    const running = await liveSession(input);
    if (running && isOrphaned(input, running)) return endOrphaned(input, running);
    if (running) {
      return {
        visibility: 'private',
        view: quizQuestionView(
          input.rt,
          running,
          undefined,
          `You already have a quiz running here: question ${running.index + 1} of ${running.questionIds.length}. Answer it, or stop it first.`,
        ),
      };
    }
    const now = input.deps.clock.now();
    let ids: string[] = [];
    let reviewNote: string | undefined;
    await updateMe(input, (record) => {
      if (settings.review) {
        ids = dueForReview(record.review, now)
          .filter((id) => input.rt.byId.has(id))
          .slice(0, settings.count);
        const later = nextDue(record.review, now);
        if (ids.length === 0) reviewNote = later ? `next one due ${new Date(later).toISOString().slice(0, 16).replace('T', ' ')} UTC` : undefined;
        return record;
      }
      const filter = settings.tier === 'mixed' ? {} : { tier: settings.tier };
      const key = poolKey(input.rt.role.id, filter, 'quiz');
      const picked = pickMany(filterQuestions(input.rt, filter), record.seen[key] ?? [], settings.count, input.deps.random);
      ids = picked.ids;
      return { ...record, seen: withSeen(record.seen, key, picked.seen) };
    });
    if (ids.length === 0) {
      if (settings.review) {
        return {
          visibility: 'private',
          view: {
            kind: 'notice',
            title: 'Nothing to review',
            text: reviewNote
              ? `No missed question is due right now (${reviewNote}).`
              : 'You have no missed questions to review. Questions you miss in a quiz come back here until you answer them right twice in a row.',
            actions: [],
          },
        };
      }
      return errorReply('not-found', 'No questions match that quiz.');
    }
    const session = startSession({
      id: randomId(input.deps.random),
      key: keyOf(input),
      roleId: input.rt.role.id,
      userId: input.ctx.user.id,
      mode: settings.mode,
      tier: settings.tier,
      review: settings.review,
      questionIds: ids,
      now,
      random: input.deps.random,
    });
    await input.deps.store.putSession(session);
    return { visibility: 'private', view: quizQuestionView(input.rt, session, undefined, cappedNote(settings, ids.length)) };
  });
}

/** Says so when a quiz is shorter than asked: the pool (or the review queue) held fewer questions. */
function cappedNote(settings: StartSettings, got: number): string | undefined {
  if (got >= settings.count) return undefined;
  if (settings.review) return `Only ${got} missed question${got === 1 ? ' is' : 's are'} due, so this review has ${got} instead of ${settings.count}.`;
  const which = settings.tier === 'mixed' ? '' : `${settings.tier} `;
  return `The bank has only ${got} ${which}question${got === 1 ? '' : 's'} for this quiz, so it has ${got} instead of ${settings.count}.`;
}

export function quizStart(input: HandlerInput): Promise<Reply> {
  return begin(input, {
    tier: (stringValue(input.values, 'tier') as Tier | 'mixed' | undefined) ?? 'mixed',
    count: numberValue(input.values, 'count') ?? DEFAULT_QUIZ_LENGTH,
    mode: (stringValue(input.values, 'mode') as 'choice' | 'text' | undefined) ?? 'choice',
    review: false,
  });
}

export function quizReview(input: HandlerInput): Promise<Reply> {
  return begin(input, {
    tier: 'mixed',
    count: numberValue(input.values, 'count') ?? DEFAULT_QUIZ_LENGTH,
    mode: (stringValue(input.values, 'mode') as 'choice' | 'text' | undefined) ?? 'choice',
    review: true,
  });
}

/** Grades one response to the current question, records it, and shows what comes next. */
