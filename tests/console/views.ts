/**
 * The console's view samples: the renderer contract's fixture
 * (tests/renderers/samples.ts), so the REPL and renderer tests play the same
 * views every platform is checked against.
 */
export { cardActions, reply, sampleViews, textQuestionView } from '../renderers/samples.js';
