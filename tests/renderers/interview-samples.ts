/**
 * Interview samples for the renderer fixture (samples.ts adds them): the plan,
 * question cards with every optional part (boxes ticked and not, a hint, a
 * label too long for one option, red flags with details, pasted verdicts of
 * every status, the interviewer's note), scorecards private and shared, and
 * lists with and without rows. Plain words, as in the rest of the fixture.
 */
import type { Action, View } from '../../src/views.js';
import { ROLE } from './sample-parts.js';

type Of<K extends View['kind']> = Extract<View, { kind: K }>;

const LONG_POINT = 'Requests are what the scheduler reserves on a node and limits are the ceiling enforced at run time by the kernel';

const cardActions: Action[] = [
  { id: 'x|i|next|iv1|1', label: 'Next', style: 'primary' },
  { id: 'x|i|skip|iv1|1', label: 'Skip' },
  { id: 'x|i|note|iv1|1', label: 'Add note', prompt: { actionId: 'x|i|note|iv1|1', title: 'Your note', label: 'Your note on this question', maxLength: 1000 } },
  {
    id: 'x|i|paste|iv1|1',
    label: 'Paste answer',
    prompt: { actionId: 'x|i|paste|iv1|1', title: "Candidate's answer", label: 'What the candidate said', maxLength: 3000 },
  },
  { id: 'x|i|show|iv1|1', label: 'Show answer' },
  { id: 'x|i|finish|iv1|1', label: 'Finish early', style: 'danger' },
];

const card: Of<'interview-card'> = {
  kind: 'interview-card',
  roleTitle: ROLE,
  candidate: 'Jordan from the referral',
  number: 2,
  of: 6,
  timer: 'Question 2 of 6 · 3 of 6 min · 9 min elapsed, 36 left of 45 · 1 min behind',
  question: {
    id: 'k8s-requests-limits',
    tier: 'technical',
    topics: ['kubernetes', 'capacity'],
    prompt: 'How do resource requests and limits differ?',
    answer: 'Requests reserve capacity for scheduling; limits cap use and throttle or kill beyond.',
    followUps: ['What happens when memory passes the limit?', 'How would you size them for a new service?'],
    rubric: { junior: 'Knows both exist.', mid: 'Explains scheduling against requests.', senior: 'Sizes them from measured use and explains QoS classes.' },
    notes: ['CPU over the limit is throttled, memory over it is killed.'],
  },
  keyPoints: {
    id: 'x|i|points|iv1|1',
    label: 'Key points heard',
    items: [
      { value: '0', label: LONG_POINT, checked: true, hint: 'found in the pasted answer' },
      { value: '1', label: 'Memory over the limit is an out of memory kill', checked: false, hint: 'found in the pasted answer, unticked' },
      { value: '2', label: 'Quality of service classes follow from the two', checked: true },
      { value: '3', label: 'Size from measured use', checked: false },
    ],
  },
  redFlags: {
    id: 'x|i|flags|iv1|1',
    label: 'Red flags heard',
    items: [
      { value: 'no-limits', label: 'Running without limits', detail: 'One noisy pod can starve its neighbours on the node.', checked: true },
      { value: 'limits-as-requests', label: 'Limits read as guarantees', detail: 'The guarantee is the request.', checked: false },
    ],
  },
  pasted: {
    score: 64,
    keyPoints: [
      { label: LONG_POINT, status: 'covered', heard: 'scheduler reserves requests' },
      { label: 'Memory over the limit is an out of memory kill', status: 'covered', heard: 'killed over memory' },
      { label: 'Quality of service classes follow from the two', status: 'negated', heard: 'no quality classes' },
      { label: 'Size from measured use', status: 'contradicted', heard: 'guess the numbers' },
    ],
    contradictions: ['You said limits are guaranteed: the request is the guarantee.'],
    capped: 'Capped: the pasted answer reads as a list of keywords.',
  },
  interviewerNote: 'Confident on scheduling & hesitant on sizing.',
  answerShown: false,
  note: 'Pasted answer graded: two key points ticked for you.',
  actions: cardActions,
};

const scorecard: Of<'interview-scorecard'> = {
  kind: 'interview-scorecard',
  roleTitle: ROLE,
  id: 'iv1',
  candidate: 'Jordan from the referral',
  interviewer: 'Alice',
  level: 'mid',
  suggested: 'mid',
  evidence: 'Half the assessed questions read mid or higher, backed by a technical question read mid.',
  when: '2026-12-01 14:00 UTC · 28 of 45 minutes',
  overall: { ticked: 5, total: 8 },
  questions: [
    {
      number: 1,
      id: 'k8s-requests-limits',
      prompt: 'How do resource requests and limits differ?',
      tier: 'technical',
      topics: ['kubernetes'],
      status: 'asked',
      reading: 'mid',
      evidence: '3 of 4 key points (75%) → mid',
      rubric: 'Explains scheduling against requests.',
      heard: ['Requests are reserved by the scheduler', 'Memory over the limit is killed', 'Quality of service classes'],
      missed: ['Size from measured use'],
      total: 4,
      redFlags: ['Running without limits'],
      interviewerNote: 'Confident on scheduling.',
      pastedScore: 64,
      time: '5 of 6 min',
    },
    {
      number: 2,
      id: 'terraform-state',
      prompt: 'Where would you keep Terraform state for a team?',
      tier: 'technical',
      topics: ['terraform'],
      status: 'skipped',
      evidence: 'Skipped: not assessed.',
      heard: [],
      missed: ['Remote backend with locking', 'State per environment'],
      total: 2,
      redFlags: [],
      time: '1 of 6 min',
    },
  ],
  coverage: [
    { topic: 'kubernetes', ticked: 3, total: 4, asked: 1, skipped: 0 },
    { topic: 'terraform', ticked: 0, total: 0, asked: 0, skipped: 1 },
  ],
  probe: ['Red flag heard on k8s-requests-limits: Running without limits.', 'terraform: not assessed (1 question skipped or not reached).'],
  notes: ['Not enough advanced questions: 1 technical question stands in.'],
  actions: [
    { id: 'x|i|share|iv1', label: 'Share' },
    { id: 'x|i|delete|iv1', label: 'Delete', style: 'danger' },
    { id: 'x|i|list', label: 'My scorecards' },
  ],
};

/** Every interview sample, for samples.ts. */
export const interviewSamples: { name: string; view: View }[] = [
  {
    name: 'interview plan, with notes and a note',
    view: {
      kind: 'interview-plan',
      roleTitle: ROLE,
      level: 'mid',
      candidate: 'Jordan from the referral',
      summary: '2 questions · 12 minutes + 5 for introductions and the candidate questions · 17 of 20 planned',
      items: [
        {
          number: 1,
          questionId: 'k8s-requests-limits',
          tier: 'technical',
          topics: ['kubernetes', 'capacity'],
          minutes: 6,
          prompt: 'How do resource requests and limits differ?',
          behavioural: false,
        },
        {
          number: 2,
          questionId: 'story-incident',
          tier: 'technical',
          topics: ['behavioural'],
          minutes: 5,
          prompt: 'Tell me about an incident you led.',
          behavioural: true,
        },
      ],
      notes: ['The plan fills 17 of 20 minutes: no further question fits.'],
      note: 'Swapped question 2 for another technical one.',
      actions: [
        { id: 'x|i|start|iv1', label: 'Start', style: 'primary' },
        {
          id: 'x|i|swap|iv1',
          label: 'Swap a question',
          prompt: { actionId: 'x|i|swap|iv1', title: 'Swap a question', label: 'Which question? A number from 1 to 2', maxLength: 3 },
        },
        { id: 'x|i|behavioural|iv1', label: 'Add a behavioural question' },
      ],
    },
  },
  { name: 'interview card, answer hidden, pasted answer and a note', view: card },
  {
    name: 'interview card, answer shown, no red flags, nothing ticked',
    view: {
      ...card,
      candidate: undefined,
      number: 6,
      redFlags: undefined,
      pasted: undefined,
      interviewerNote: undefined,
      note: undefined,
      keyPoints: { ...card.keyPoints, items: card.keyPoints.items.map((i) => ({ value: i.value, label: i.label, checked: false })) },
      answerShown: true,
      actions: cardActions
        .filter((a) => !a.id.includes('|show|') && !a.id.includes('|finish|'))
        .map((a) => (a.id.includes('|next|') ? { ...a, label: 'Finish' } : a)),
    },
  },
  { name: 'interview scorecard', view: scorecard },
  {
    name: 'interview scorecard, shared, with a note',
    view: { ...scorecard, candidate: undefined, suggested: undefined, note: 'Shared by Alice.', actions: [] },
  },
  {
    name: 'interview list',
    view: {
      kind: 'interview-list',
      roleTitle: ROLE,
      rows: [
        { id: 'iv1', candidate: 'Jordan from the referral', level: 'mid', suggested: 'mid', when: '2026-12-01 14:28 UTC', points: { ticked: 5, total: 8 } },
        { id: 'iv0', level: 'senior', when: '2026-11-20 09:40 UTC', points: { ticked: 0, total: 0 } },
      ],
      inProgress: [{ id: 'iv2', candidate: 'Sam', level: 'junior', phase: 'running', when: '2026-12-02 10:05 UTC', progress: 'question 3 of 7' }],
      actions: [
        { id: 'x|i|open|iv1', label: 'Show 1' },
        { id: 'x|i|open|iv0', label: 'Show 2' },
        { id: 'x|i|resume|iv2', label: 'Resume 1' },
      ],
    },
  },
  { name: 'interview list, empty', view: { kind: 'interview-list', roleTitle: ROLE, rows: [], inProgress: [], actions: [] } },
];
