/**
 * The pieces of the reply model that every view family shares: buttons, the
 * forms they may open, checklists, and a key point's verdict. A leaf module (it imports
 * nothing), so views.ts and views-interview.ts both build on it; views.ts
 * re-exports it, so importers keep using `views.js`.
 */

/**
 * A free-text form the platform shows (a Slack or Discord modal). On submit the
 * adapter sends an `action` request with `actionId` and the typed `text`.
 */
export interface TextPrompt {
  actionId: string;
  /** Form title; at most 24 characters (Slack modal title limit). */
  title: string;
  /** Input label; at most 45 characters (Discord label limit). */
  label: string;
  placeholder?: string;
  maxLength: number;
}

/**
 * A button. `id` is compact (at most 100 characters) and goes back to the core
 * unchanged as an action request. With `prompt`, pressing it opens that form
 * instead, and the form's submit is the action.
 */
export interface Action {
  id: string;
  label: string;
  style?: 'primary' | 'danger';
  prompt?: TextPrompt;
}

/** One key point's verdict in a free-text grade. */
export interface PointFeedback {
  label: string;
  status: 'covered' | 'missed' | 'negated' | 'contradicted';
  /** The answer's words the verdict rests on (user text). */
  heard?: string;
}

/** One box of a checklist. */
export interface ChecklistItem {
  /** Sent back when checked: short (at most 75 characters, Slack's option value) and unique in its list. */
  value: string;
  label: string;
  checked: boolean;
  /** A longer explanation, shown beside the label where room allows (a red flag's text). */
  detail?: string;
  /** A remark on this item's state ("found in the pasted answer"). */
  hint?: string;
}

/**
 * A group of boxes the user ticks in place: Slack checkboxes, a Discord
 * multi-select, numbered lines in the console. When the ticks change, the
 * adapter sends an `action` request with `actionId: id` and `text`: the
 * checked items' values, space-separated (empty when none is checked), so the
 * core sets the whole selection at once. Values hold no spaces.
 */
export interface Checklist {
  /** Action id, as compact as a button's (at most 100 characters). */
  id: string;
  /** What the boxes are, shown above them ("Key points heard"). */
  label: string;
  items: ChecklistItem[];
  /** The most boxes that may be checked at once; all of them when absent. */
  max?: number;
}
