/**
 * Discord modals for the core's free-text forms, and a small memory of the
 * forms recently shown so a press can open the exact form it was rendered with.
 */

import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { ComponentType, TextInputStyle } from 'discord.js';
import type { TextPrompt } from '../../src/views.js';
import { clip, LIMITS } from './limits.js';

/** The custom id of the one text input in every modal we show. */
export const ANSWER_INPUT_ID = 'answer';

/**
 * A modal for a TextPrompt: one paragraph input inside a label component
 * (action rows in modals are deprecated), custom id = the prompt's `actionId`.
 */
export function buildModal(prompt: TextPrompt): APIModalInteractionResponseCallbackData {
  const maxLength = Math.max(1, Math.min(LIMITS.modalValue, Math.floor(prompt.maxLength)));
  const input = {
    type: ComponentType.TextInput,
    custom_id: ANSWER_INPUT_ID,
    style: TextInputStyle.Paragraph,
    min_length: 1,
    max_length: maxLength,
    required: true,
    ...(prompt.placeholder ? { placeholder: clip(prompt.placeholder, LIMITS.modalPlaceholder) } : {}),
  } as const;
  return {
    custom_id: prompt.actionId.slice(0, LIMITS.customId),
    title: clip(prompt.title.trim() || 'Your answer', LIMITS.modalTitle),
    components: [{ type: ComponentType.Label, label: clip(prompt.label.trim() || 'Your answer', LIMITS.modalLabel), component: input }],
  };
}

/** The form to show when a form button outlives our memory of it (after a restart). */
export function fallbackPrompt(actionId: string): TextPrompt {
  return { actionId, title: 'Your answer', label: 'Your answer', maxLength: LIMITS.modalValue };
}

/**
 * Remembers forms by `actionId`, oldest forgotten first, so memory stays
 * bounded however many quizzes run.
 */
export class PromptMemory {
  private readonly prompts = new Map<string, TextPrompt>();
  constructor(private readonly capacity = 5000) {}

  remember(prompt: TextPrompt): void {
    this.prompts.delete(prompt.actionId);
    this.prompts.set(prompt.actionId, prompt);
    if (this.prompts.size > this.capacity) {
      const oldest = this.prompts.keys().next();
      if (!oldest.done) this.prompts.delete(oldest.value);
    }
  }

  /** The remembered form, or a generic one with the same action id. */
  recall(actionId: string): TextPrompt {
    return this.prompts.get(actionId) ?? fallbackPrompt(actionId);
  }
}
