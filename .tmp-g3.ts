import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roleSchema, type Question } from './src/content/schema.js';
import { createAnalyzer } from './src/search/text.js';
const role = roleSchema.parse(parse(readFileSync('content/roles/devops-engineer.yaml', 'utf8')));
const a = createAnalyzer(role.synonyms);
const vocab = (q: Question) => new Set(a.terms([q.prompt, q.answer, ...q.keywords, ...q.keyPoints.flatMap(k => [k.point, ...k.terms])].join(' . ')));
const prec = (q: Question, text: string) => { const t = [...new Set(a.terms(text))]; const v = vocab(q); return t.filter(x => v.has(x)).length / t.length; };
const all: number[] = [];
for (const q of role.questions) for (const o of role.questions) if (o !== q) all.push(prec(q, o.answer));
all.sort((x, y) => x - y);
console.log('cross precision quantiles', [0.5, 0.9, 0.95, 0.99, 1].map(p => all[Math.min(all.length - 1, Math.floor(p * all.length))]!.toFixed(2)));
const by = (id: string) => role.questions.find(q => q.id === id)!;
const para: [string, string][] = [
 ['crashloopbackoff-debugging', 'First I would run kubectl describe on the pod to see the events and the exit code, then look at the logs of the previous container. If it was OOMKilled the memory limit is too low; a liveness probe that is too aggressive can also kill it.'],
 ['terraform-remote-state', 'I would put the state file in an S3 bucket with a DynamoDB table for the lock so two people cannot apply at the same time, and split it per environment so a mistake in dev cannot wreck prod. Plans get reviewed in the pipeline.'],
 ['slo-error-budget', 'An SLO is a target like 99.9% of requests succeed. Whatever is left over is your budget for failures. If we burn through it we stop shipping features and fix reliability; if we have plenty left we can take more risks with deploys.'],
 ['secret-rotation', 'Use Vault or AWS Secrets Manager which can rotate the password for you. The app should fetch the secret when it opens a new connection, or refresh its pool when it gets an auth error, so rotation never breaks it. Test it in staging first.'],
];
for (const [id, text] of para) console.log(id, prec(by(id), text).toFixed(2));
