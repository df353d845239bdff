import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roleSchema } from './src/content/schema.js';
import { buildSearchIndex } from './src/search/index.js';
import { createAnalyzer } from './src/search/text.js';
const role = roleSchema.parse(parse(readFileSync('content/roles/devops-engineer.yaml', 'utf8')));
for (let i = 0; i < 3; i++) { const t0 = performance.now(); buildSearchIndex(role); console.log('build', performance.now() - t0); }
const a = createAnalyzer(role.synonyms);
let t0 = performance.now(); for (const q of role.questions) a.terms(q.answer); console.log('terms', performance.now()-t0);
t0 = performance.now(); a.vocabulary(role.questions.map(q=>q.answer)); console.log('vocab', performance.now()-t0);
