import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roleSchema } from './src/content/schema.js';
import { buildSearchIndex, searchIndex, matchQuestions } from './src/search/index.js';
const role = roleSchema.parse(parse(readFileSync('content/roles/devops-engineer.yaml', 'utf8')));
const t0 = performance.now();
const idx = buildSearchIndex(role);
console.log('build', performance.now() - t0, 'vocab', idx.vocabulary.size);
for (const q of ['kubernets crashloop', 'crashlop', 'k8s network isolation', 'tf state locking', 'otel tracing', 'rotate db creds', 'canary', 'postmortem', 'the of and', '', 'iac', 'infrastructure as code', 'out of memory', 'oom', 'ci/cd', 'blue green', 'error budget', 'statefulset database', 'cost', 'secrets', 'on call alerts', 'gitops', 'disaster recovery', 'kuberentes', 'observabilty', 'pipeline security','creds', 'dr'])
  console.log(JSON.stringify(q), '=>', searchIndex(idx, q, {limit: 4}).map(h => `${h.id}:${h.score}`).join(' '));
console.log(matchQuestions(idx, 'kubernetes'), matchQuestions(idx, 'k8s'), matchQuestions(idx, 'terraform'));
console.log(idx.analyzer.tokens('rotate db creds', idx.vocabulary));
