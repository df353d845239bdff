import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roleSchema } from './src/content/schema.js';
import { createAnalyzer } from './src/search/text.js';
import { gradeAnswer } from './src/quiz/grade.js';
const role = roleSchema.parse(parse(readFileSync('content/roles/devops-engineer.yaml', 'utf8')));
const a = createAnalyzer(role.synonyms);
for (const q of role.questions) {
  const g = gradeAnswer(q, q.answer, a);
  const cross = role.questions.filter(o => o !== q).map(o => [o.id, gradeAnswer(q, o.answer, a).score] as const).sort((x, y) => y[1] - x[1]);
  console.log(q.id.padEnd(36), 'self', g.score, 'missed', g.missed.length ? g.missed : '', '| cross max', cross.slice(0, 3).map(c => c.join('=')).join(' '));
}
const crash = role.questions.find(q => q.id === 'crashloopbackoff-debugging')!;
const tf = role.questions.find(q => q.id === 'terraform-remote-state')!;
console.log(gradeAnswer(crash, tf.answer, a));
console.log(gradeAnswer(crash, 'kubectl describe logs previous oomkilled liveness probe env', a));
console.log(gradeAnswer(crash, 'First I would run kubectl describe on the pod to see the events and the exit code, then look at the logs of the previous container. If it was OOMKilled the memory limit is too low; a liveness probe that is too aggressive can also kill it.', a));
