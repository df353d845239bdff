/**
 * Queries an interviewer types mid-call to pull a question, with the question
 * they mean, over the frozen 22-question bank (tests/search/bank). Written as
 * people describe a topic, not copied from prompts or keywords: most share
 * few words with the question they mean.
 *
 * `held-out` queries were written with the rest, before any ranking change,
 * and never used to tune it: their accuracy says whether an improvement is
 * general or fitted to the queries it was made on.
 */

/** One evaluation query and the question id that should come first. */
export interface EvalQuery {
  query: string;
  expected: string;
  set: 'tuning' | 'held-out';
}

const tuning: [string, string][] = [
  ['reduce cloud spend', 'cloud-cost-optimization'],
  ['survive a whole region going down', 'disaster-recovery-rpo-rto'],
  ['aws bill is too high', 'cloud-cost-optimization'],
  ['pod keeps restarting', 'crashloopbackoff-debugging'],
  ['container crashes right after it starts', 'crashloopbackoff-debugging'],
  ['too many alerts waking people up at night', 'alert-noise-reduction'],
  ['find which microservice makes a request slow', 'distributed-tracing'],
  ['several teams sharing one cluster', 'multi-tenant-cluster-isolation'],
  ['two people running terraform apply at the same time', 'terraform-remote-state'],
  ['terraform accidentally destroyed a production resource', 'terraform-plan-guardrails'],
  ['change the database password without downtime', 'secret-rotation'],
  ['keep secrets out of the build pipeline', 'pipeline-security'],
  ['one broken service takes everything down', 'cascading-failure-resilience'],
  ['backups and failover for the main database', 'disaster-recovery-rpo-rto'],
  ['difference between continuous delivery and continuous deployment', 'ci-delivery-vs-deployment'],
  ['roll out a release to a few users first', 'blue-green-vs-canary'],
  ['cpu and memory settings for containers', 'k8s-requests-limits'],
  ['should a database run on kubernetes', 'deployment-vs-statefulset'],
  ['same code for dev staging and prod', 'multi-environment-config'],
  ['why not just click around in the aws console', 'iac-problems-solved'],
  ['self-service platform for dozens of product teams', 'internal-developer-platform'],
  ['what to measure for a payment system', 'payments-observability'],
  ['reliability target and when to stop shipping features', 'slo-error-budget'],
  ['engineers running kubectl apply by hand in production', 'gitops-cluster-management'],
  ['what must be in place before shipping every merge to prod automatically', 'continuous-deployment-prerequisites'],
  ['servers sitting idle costing money', 'cloud-cost-optimization'],
];

const heldOut: [string, string][] = [
  ['outage in a datacenter', 'disaster-recovery-rpo-rto'],
  ['lower the monthly infrastructure expense', 'cloud-cost-optimization'],
  ['on-call gets paged for nothing all week', 'alert-noise-reduction'],
  ['app fails to boot in kubernetes and restarts over and over', 'crashloopbackoff-debugging'],
  ['latency spread over many services', 'distributed-tracing'],
  ['stop a bad dependency from breaking the whole site', 'cascading-failure-resilience'],
  ['protect the ci system from attackers', 'pipeline-security'],
  ['limit what a container can use', 'k8s-requests-limits'],
  ['release with zero downtime and instant rollback', 'blue-green-vs-canary'],
  ['policy checks on infrastructure changes before they go live', 'terraform-plan-guardrails'],
  ['how much data can we afford to lose', 'disaster-recovery-rpo-rto'],
  ['shared state file for a team using terraform', 'terraform-remote-state'],
  ['git as the source of truth for clusters', 'gitops-cluster-management'],
  ['give teams freedom but keep guardrails', 'internal-developer-platform'],
];

/** Every evaluation query, tuning set first. */
export const EVAL_QUERIES: readonly EvalQuery[] = [
  ...tuning.map(([query, expected]) => ({ query, expected, set: 'tuning' as const })),
  ...heldOut.map(([query, expected]) => ({ query, expected, set: 'held-out' as const })),
];

/** Accuracy of a search over some queries: shares of queries whose expected id is first / in the top 3. */
export interface EvalResult {
  total: number;
  top1: number;
  top3: number;
  /** Queries whose expected id is not first, with the ids that came first. */
  misses: { query: string; expected: string; got: string[] }[];
}

/** Runs `search` (question ids, best first) on the queries and scores it. */
export function evaluate(queries: readonly EvalQuery[], search: (query: string) => readonly string[]): EvalResult {
  let top1 = 0;
  let top3 = 0;
  const misses: EvalResult['misses'] = [];
  for (const q of queries) {
    const got = search(q.query).slice(0, 3);
    if (got[0] === q.expected) top1++;
    else misses.push({ query: q.query, expected: q.expected, got });
    if (got.includes(q.expected)) top3++;
  }
  return { total: queries.length, top1, top3, misses };
}
