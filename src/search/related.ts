/**
 * Everyday English for search: people describe a problem in their own words
 * ("reduce cloud spend", "a region going down") while a question's text uses
 * others ("cost", "outage", "disaster"). Each group gathers words used for one
 * idea; a query word also looks for the other words of its groups, at a lower
 * weight than the word itself (see query.ts).
 *
 * What belongs here: plain words of any team's speech, not a role's jargon.
 * Exact equivalents and domain terms ("k8s", "iac", "rpo") belong to the role
 * file's synonym groups, which search and grading both use; these are only
 * related, so grading never sees them. Single words only (a phrase would expand
 * into unrelated halves); each word is stemmed as the index stems, so one
 * entry covers "spend", "spending" and "spends".
 */

/** The built-in groups of related everyday words. */
export const RELATED_GROUPS: readonly (readonly string[])[] = [
  // Money
  ['cost', 'spend', 'bill', 'billing', 'expense', 'expensive', 'price', 'pricing', 'money', 'cheap', 'cheaper', 'savings', 'overspend', 'invoice'],
  ['waste', 'wasted', 'idle', 'unused', 'underutilized', 'underused', 'oversized', 'overprovisioned'],
  // Things going wrong
  ['outage', 'down', 'downtime', 'unavailable', 'unavailability', 'disruption', 'disaster'],
  ['failure', 'fail', 'failing', 'broken', 'break', 'breaking', 'fault', 'faulty', 'malfunction'],
  ['crash', 'crashing', 'die', 'dying', 'dead', 'killed', 'kill', 'exit', 'terminated'],
  ['restart', 'restarting', 'reboot', 'relaunch', 'respawn'],
  ['stuck', 'hang', 'hung', 'frozen', 'freeze', 'unresponsive'],
  ['slow', 'slowness', 'sluggish', 'lag', 'latency', 'delay', 'delayed'],
  ['degrade', 'degraded', 'degradation', 'slowdown'],
  ['error', 'bug', 'defect', 'exception', 'glitch'],
  ['accident', 'accidental', 'accidentally', 'unintended', 'unintentional', 'unexpected', 'unplanned', 'inadvertent'],
  ['lose', 'loss', 'lost', 'losing'],
  ['leak', 'leaked', 'leaking', 'expose', 'exposed', 'exposure'],
  ['noise', 'noisy', 'spam', 'flood', 'fatigue'],
  // Coping with it
  ['survive', 'withstand', 'tolerate', 'tolerant', 'resilience', 'resilient', 'robust', 'redundancy', 'redundant'],
  ['recover', 'recovery', 'restore', 'restoration'],
  ['backup', 'snapshot', 'archive'],
  ['replicate', 'replication', 'replica', 'copy', 'mirror', 'duplicate'],
  ['rollback', 'revert', 'undo', 'backout'],
  ['debug', 'troubleshoot', 'diagnose', 'investigate', 'triage'],
  ['prevent', 'prevention', 'avoid', 'block', 'stop'],
  ['detect', 'detection', 'catch', 'notice', 'discover', 'identify'],
  ['alert', 'alarm', 'page', 'pager', 'paging', 'notify', 'notification'],
  ['monitor', 'monitoring', 'observe', 'watch', 'track', 'visibility'],
  ['measure', 'metric', 'indicator', 'kpi'],
  // Places and machines
  ['region', 'datacenter', 'datacentre', 'zone', 'geography', 'geo'],
  ['server', 'machine', 'instance', 'host', 'vm', 'box'],
  ['app', 'application', 'program', 'software'],
  ['production', 'prod', 'live'],
  ['development', 'dev'],
  ['environment', 'env'],
  ['setting', 'settings', 'configuration', 'config', 'option', 'parameter', 'knob'],
  // Doing things
  ['deploy', 'release', 'ship', 'shipping', 'rollout', 'launch'],
  ['start', 'startup', 'boot', 'booting', 'initialize', 'initialise'],
  ['change', 'modify', 'edit', 'alter', 'tweak'],
  ['reduce', 'reduction', 'lower', 'cut', 'decrease', 'minimize', 'minimise', 'shrink', 'trim'],
  ['increase', 'raise', 'grow', 'growth', 'boost'],
  ['improve', 'improvement', 'optimize', 'optimise', 'optimization', 'optimisation', 'enhance'],
  ['fix', 'repair', 'resolve', 'solve', 'remediate'],
  ['handle', 'manage', 'management', 'deal', 'cope'],
  ['upgrade', 'update', 'patch', 'bump'],
  ['delete', 'remove', 'destroy', 'wipe', 'erase', 'purge'],
  ['migrate', 'migration', 'move', 'transfer'],
  ['split', 'separate', 'separation', 'divide', 'partition', 'segment'],
  ['isolate', 'isolation', 'segregate', 'sandbox', 'wall'],
  ['share', 'shared', 'sharing', 'tenant', 'tenancy', 'multitenant'],
  ['check', 'verify', 'validate', 'validation', 'test', 'testing', 'inspect'],
  ['automate', 'automatic', 'automatically', 'automation', 'unattended'],
  ['manual', 'manually', 'hand', 'click', 'clicking', 'human'],
  ['limit', 'cap', 'quota', 'ceiling', 'maximum', 'restrict', 'throttle'],
  ['gradual', 'gradually', 'incremental', 'progressive', 'phased', 'staged'],
  ['subset', 'fraction', 'percentage', 'portion', 'sample'],
  ['frequent', 'frequently', 'often', 'regular', 'regularly'],
  ['fast', 'faster', 'quick', 'quickly', 'speed', 'rapid'],
  // People and rules
  ['team', 'squad', 'department'],
  ['user', 'customer', 'client', 'visitor'],
  ['password', 'passphrase', 'credential', 'secret', 'login'],
  ['secure', 'security', 'protect', 'protection', 'harden', 'hardening', 'safeguard'],
  ['attack', 'attacker', 'threat', 'breach', 'exploit', 'hacker', 'malicious', 'compromise', 'compromised', 'security'],
  ['permission', 'access', 'privilege', 'rights', 'authorization', 'authorisation'],
  ['rule', 'policy', 'guardrail', 'guideline', 'standard', 'compliance', 'governance'],
  ['owner', 'ownership', 'responsible', 'responsibility', 'accountable', 'accountability'],
  ['freedom', 'autonomy', 'autonomous', 'independence', 'independent'],
  ['audit', 'history', 'trail', 'traceability'],
  ['document', 'documentation', 'docs', 'wiki', 'writeup'],
  ['complex', 'complicated', 'complexity', 'overhead', 'difficult'],
  ['consistent', 'consistency', 'uniform', 'identical'],
];

/**
 * Words a question typed in plain English carries ("what would you do when the
 * whole thing keeps going wrong") that say nothing about its topic, yet are
 * rare enough in a bank to look important to BM25: a query counts them at a
 * reduced weight and not as a concept of its own. Not stop words: grading and
 * indexing keep them, and they still help when nothing else matches.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set(
  `go going goes gone gets getting makes making takes taking keep keeps keeping put puts
   let lets need needs needed want wants wanted try tries trying happen happens happening look looks looking
   know knows think thinks ask asks give gives show shows find finds
   whole every really actually just good bad best better right real sure big first last next new old
   different lot lots thing things stuff kind sort place someone somebody something everything anything
   nothing everyone everybody people person one two three ways`.split(/\s+/),
);
