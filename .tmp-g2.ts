import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roleSchema } from './src/content/schema.js';
import { createAnalyzer } from './src/search/text.js';
import { gradeAnswer } from './src/quiz/grade.js';
const role = roleSchema.parse(parse(readFileSync('content/roles/devops-engineer.yaml', 'utf8')));
const a = createAnalyzer(role.synonyms);
const by = (id: string) => role.questions.find(q => q.id === id)!;
for (const [q, o] of [['multi-environment-config','crashloopbackoff-debugging'],['k8s-requests-limits','slo-error-budget'],['slo-error-budget','multi-tenant-cluster-isolation'],['terraform-remote-state','cloud-cost-optimization']]) {
  const g = gradeAnswer(by(q), by(o).answer, a);
  console.log(q, '<-', o, g.score, g.covered);
  console.log(by(q).keyPoints.filter(k => g.covered.includes(k.point)).map(k => k.terms.join(',')));
}
