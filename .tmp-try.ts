import { fixtureRole } from './tests/search/fixture.js';
import { buildSearchIndex, searchIndex, matchQuestions } from './src/search/index.js';
import { createAnalyzer } from './src/search/text.js';
const a = createAnalyzer(fixtureRole.synonyms);
console.log(a.tokens('Infrastructure-as-code with IaC, CI/CD, OOMKilled exit code 137, p99, kubectl logs --previous, OpenTelemetry k8s post-mortem'));
const idx = buildSearchIndex(fixtureRole, a);
for (const q of ['kubernets crashloop', 'crashlop', 'k8s network isolation', 'tf state locking', 'canary', 'postmortem', 'the of and', '', 'iac', 'infrastructure as code', 'out of memory'])
  console.log(q, '=>', searchIndex(idx, q, {limit: 3}).map(h => `${h.id}:${h.score}`).join(' '));
console.log(matchQuestions(idx, 'kubernetes'), matchQuestions(idx, 'k8s'));
