/**
 * A small role written for these tests, in the shape of the real content, so
 * search and grading can be tested before (and independently of) the real bank.
 */
import { type Role, roleSchema } from '../../src/content/schema.js';

const choices = { correct: 'The right one', wrong: ['Wrong one', 'Wrong two', 'Wrong three'] };
/** Fields every question needs that search and grading tests do not look at. */
const authored = {
  source: 'written',
  rubric: { junior: 'Names the tool.', mid: 'Explains the steps.', senior: 'Explains the trade-offs.' },
};

/** The fixture role, validated by the real schema. */
export const fixtureRole: Role = roleSchema.parse({
  schemaVersion: 1,
  id: 'devops-engineer',
  title: 'DevOps Engineer',
  commandPrefix: 'devops',
  summary: 'Accelerates software delivery.',
  description: 'Builds pipelines, infrastructure as code and observability.',
  tags: ['Kubernetes', 'Terraform'],
  responsibilities: [
    'Design, implement, and maintain CI/CD pipelines that automate the build, testing, and deployment of applications.',
    'Define and execute incident response processes, including runbooks, postmortems, and preventive improvements.',
  ],
  skills: {
    technical: ['Infrastructure as code with Terraform or Pulumi: modules, state management, workspaces, and drift policies'],
    soft: ['Clear communication during incidents to coordinate technical response'],
  },
  useCases: [
    {
      id: 'incident-response',
      title: 'Incident response and learning',
      context: 'Systems fail. Mature operations organisations detect and respond fast and learn from every incident.',
      examples: ['Blameless postmortems that produce measurable action items', 'Automated runbooks for frequent incident types'],
    },
  ],
  mistakes: [
    {
      id: 'no-rollback-plan',
      title: 'Automating deploys without a rollback plan',
      text: 'Automating a deployment without addressing what stops it when something goes wrong introduces more risk.',
    },
  ],
  questions: [
    {
      id: 'crashloop-debugging',
      tier: 'technical',
      prompt: 'A pod is stuck in CrashLoopBackOff. How do you debug it?',
      answer:
        'Start with kubectl describe pod to review events and the exit code. Then kubectl logs --previous to see the logs from the last failed attempt. Common causes: application misconfiguration (missing or incorrect environment variables), an overly aggressive liveness probe killing the pod before it finishes initializing, resource exhaustion (OOMKilled with exit code 137), or unavailable external dependencies (database, secrets) at startup time.',
      topics: ['kubernetes', 'troubleshooting'],
      keywords: ['CrashLoopBackOff', 'kubectl describe', 'kubectl logs', 'OOMKilled'],
      keyPoints: [
        { point: 'Inspect events and exit code with kubectl describe', terms: ['kubectl describe', 'events', 'exit code'] },
        { point: 'Read the previous container logs', terms: ['logs --previous', 'previous logs', 'last failed attempt'] },
        { point: 'Check configuration and environment variables', terms: ['misconfiguration', 'environment variables'] },
        { point: 'Liveness probe too aggressive', terms: ['liveness probe'] },
        { point: 'Out of memory: OOMKilled, exit code 137', terms: ['OOMKilled', '137', 'out of memory'] },
      ],
      followUps: ['How would you tell an OOM kill from an application crash?'],
      redFlags: [],
      choices,
      ...authored,
    },
    {
      id: 'terraform-remote-state',
      tier: 'technical',
      prompt: 'How do you manage Terraform state for a team of engineers?',
      answer:
        'Store state in a shared remote backend (S3 + DynamoDB for locking on AWS, GCS on GCP, or Terraform Cloud). State locking prevents two engineers from applying changes simultaneously and corrupting the state file. Separate state by environment and by infrastructure layer (networking, compute, data) to limit the blast radius of a mistake. Review terraform plan output in CI before manually applying to production.',
      topics: ['terraform', 'infrastructure-as-code'],
      keywords: ['remote state', 'state locking', 'S3', 'DynamoDB'],
      keyPoints: [
        { point: 'Shared remote backend', terms: ['remote backend', 'S3', 'GCS', 'Terraform Cloud'] },
        { point: 'State locking prevents concurrent applies', terms: ['locking', 'lock'] },
        { point: 'Split state by environment and layer', terms: ['separate state', 'by environment', 'blast radius'] },
        { point: 'Review the plan in CI', terms: ['terraform plan', 'plan output'] },
      ],
      followUps: ['What happens if a lock is never released?'],
      redFlags: [],
      choices,
      ...authored,
    },
    {
      id: 'multi-tenant-isolation',
      tier: 'technical',
      prompt: 'How would you isolate workloads of several teams sharing one Kubernetes cluster?',
      answer:
        'Use namespaces to group workloads by team or sensitivity level. Apply NetworkPolicies to control pod-to-pod traffic: default deny-all, then explicitly allow only the required communication paths. For stronger isolation, evaluate a service mesh like Istio or Cilium for mutual TLS between services and more granular policies. Isolate critical workloads on dedicated node pools using taints and tolerations.',
      topics: ['kubernetes', 'security'],
      keywords: ['namespaces', 'NetworkPolicies', 'multi-tenant', 'taints'],
      keyPoints: [
        { point: 'Namespaces per team', terms: ['namespaces'] },
        { point: 'NetworkPolicies with default deny', terms: ['NetworkPolicy', 'network policies', 'deny-all'] },
        { point: 'Service mesh with mutual TLS', terms: ['service mesh', 'mTLS', 'mutual TLS'] },
        { point: 'Dedicated node pools with taints', terms: ['node pools', 'taints', 'tolerations'] },
      ],
      followUps: ['How do you stop one team from using all the cluster capacity?'],
      redFlags: [],
      choices,
      ...authored,
    },
    {
      id: 'blue-green-vs-canary',
      tier: 'basic',
      prompt: 'What is the difference between blue-green and canary deployments?',
      answer:
        'Blue-green: two identical environments, with traffic switched entirely from one to the other. Rollback is immediate by simply redirecting traffic back. The cost is running double the infrastructure during the deploy window. Canary: traffic is shifted gradually to the new deployment, with monitoring between each step. Problems are detected against a small percentage of users before affecting everyone.',
      topics: ['deployment', 'ci-cd'],
      keywords: ['blue-green', 'canary', 'rollback'],
      keyPoints: [
        { point: 'Blue-green switches all traffic between two environments', terms: ['two identical environments', 'switch traffic'] },
        { point: 'Instant rollback by switching back', terms: ['rollback', 'redirect traffic back'] },
        { point: 'Canary shifts traffic gradually', terms: ['gradually', 'small percentage'] },
      ],
      followUps: ['What metrics would gate a canary promotion?'],
      redFlags: ['no-rollback-plan'],
      choices,
      ...authored,
    },
    {
      id: 'infrastructure-as-code',
      tier: 'basic',
      prompt: 'What problems does infrastructure as code solve?',
      answer:
        'IaC describes infrastructure in versioned, reproducible configuration files. It solves environments drifting from each other due to undocumented manual changes, inability to audit what changed, and slow provisioning prone to human error.',
      topics: ['infrastructure-as-code'],
      keywords: ['IaC', 'drift', 'reproducible'],
      keyPoints: [
        { point: 'Versioned, reviewable configuration', terms: ['versioned', 'version control'] },
        { point: 'Prevents drift between environments', terms: ['drift'], either: true },
        { point: 'Auditable changes', terms: ['audit'] },
      ],
      followUps: ['How do you detect drift?'],
      redFlags: [],
      choices,
      ...authored,
    },
  ],
  synonyms: [
    ['kubernetes', 'k8s', 'kube'],
    ['infrastructure as code', 'iac'],
    ['terraform', 'tf'],
    ['credentials', 'creds'],
    ['postmortem', 'post-mortem', 'incident review'],
    ['out of memory', 'oom'],
  ],
});
