import { it } from 'vitest';
import { makeTestAssistant, cmd } from '../../tests/helpers/assistant.js';
import { createRoleRuntime } from '../../src/role-runtime.js';
import { filterQuestions } from '../../src/questions/pick.js';
it('x', async () => {
  const t = await makeTestAssistant();
  const rt = createRoleRuntime(t.roles[0]!);
  console.log(rt.analyzer.terms('k8s'), rt.analyzer.terms('kubernetes'), rt.analyzer.terms('incident response'));
  console.log(filterQuestions(rt, { topic: 'k8s' }).map(q => q.id));
  console.log(filterQuestions(rt, { topic: 'incident-response' }).map(q => q.id));
  console.log(filterQuestions(rt, { topic: 'terraform state' }).map(q => q.id));
  const r = await t.assistant.handle(cmd('devops-question', 'topic:kubernetes'));
  console.log(JSON.stringify(r).slice(0, 300));
  const r2 = await t.assistant.handle(cmd('devops-search', ''));
  console.log(JSON.stringify(r2));
});
