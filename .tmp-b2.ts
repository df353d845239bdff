import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roleSchema } from './src/content/schema.js';
import { indexDocuments } from './src/search/index.js';
import { roleDocuments } from './src/search/documents.js';
import { createAnalyzer } from './src/search/text.js';
const role = roleSchema.parse(parse(readFileSync('content/roles/devops-engineer.yaml', 'utf8')));
for (let i = 0; i < 3; i++) {
let t0 = performance.now(); const a = createAnalyzer(role.synonyms); console.log('analyzer', performance.now()-t0);
t0 = performance.now(); const d = roleDocuments(role); console.log('docs', performance.now()-t0);
t0 = performance.now(); for (const doc of d) for (const f of doc.fields) a.terms(f.text); console.log('terms', performance.now()-t0);
t0 = performance.now(); indexDocuments(d, a); console.log('index', performance.now()-t0);
}
