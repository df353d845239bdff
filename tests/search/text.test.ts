import { describe, expect, it } from 'vitest';
import { createAnalyzer, createVocabulary, editDistance, maxTypoDistance, rawWords } from '../../src/search/text.js';
import { MAX_POSITION_DROP, surfaces } from '../../src/search/tokenize.js';
import { fixtureRole } from './fixture.js';

const analyzer = createAnalyzer(fixtureRole.synonyms);

describe('tokenizing and stemming', () => {
  it('lowercases, drops stop words and stems', () => {
    expect(analyzer.terms('The Deployments are Rotating the Credentials')).toEqual(['deploy', 'rotat', 'credenti']);
  });

  it('keeps technical tokens sensible: ci/cd, p99, 137, kubectl, --previous', () => {
    const terms = analyzer.terms('CI/CD p99 exit code 137 kubectl logs --previous');
    expect(terms).toEqual(expect.arrayContaining(['ci', 'cd', 'cicd', 'p99', '137', 'kubectl', 'previou']));
    expect(terms).not.toContain('--previous');
  });

  it('splits camel case but keeps the whole word too', () => {
    const terms = analyzer.terms('OpenTelemetry and NetworkPolicies');
    expect(terms).toEqual(expect.arrayContaining(['opentelemetri', 'telemetri', 'networkpolici', 'network']));
  });

  it('does not split short camel words into stray letters', () => {
    expect(analyzer.terms('mTLS')).toEqual([analyzer.stem('mtls')]);
    expect(analyzer.terms('IaC')).toEqual(analyzer.terms('iac'));
  });

  it('gives nothing for empty or stop-word-only text', () => {
    expect(analyzer.terms('')).toEqual([]);
    expect(analyzer.terms('   ')).toEqual([]);
    expect(analyzer.terms('what is the and of')).toEqual([]);
  });

  it('never puts a word further below an earlier one than phrase matching allows for', () => {
    for (const text of ['pod-to-pod ci/cd blue-green a-b-c-d OpenTelemetry', 'x/y/z q', 'OOMKilled post-mortem: infra-as-code']) {
      let max = -1;
      let drop = 0;
      for (const s of surfaces(text)) {
        drop = Math.max(drop, max - s.pos);
        max = Math.max(max, s.pos);
      }
      expect(drop, text).toBeLessThanOrEqual(MAX_POSITION_DROP);
    }
  });

  it('records real word positions, stop words included', () => {
    const tokens = analyzer.tokens('state of the locking');
    expect(tokens.map((t) => [t.term, t.pos])).toEqual([
      ['state', 0],
      ['lock', 3],
    ]);
  });
});

describe('rawWords', () => {
  const texts = [
    "I don't store creds in the repo, and it isn't hard-coded",
    'CI/CD pipelines run pod-to-pod checks; never skip blue/green',
    'OpenTelemetry traces show OOMKilled pods and NetworkPolicies',
    "The team's post-mortem wasn't blameless: we'd not --previous logs",
    'infrastructure-as-code is not out of memory',
  ];

  it('gives every word as written, stop words included, lowercase', () => {
    expect(rawWords("I don't store it, isn't it?").map((w) => [w.word, w.raw, w.pos])).toEqual([
      ['i', 'i', 0],
      ['don', "don't", 1],
      ['store', 'store', 2],
      ['it', 'it', 3],
      ['isn', "isn't", 4],
      ['it', 'it', 5],
    ]);
    expect(rawWords('Never use NOT').map((w) => w.raw)).toEqual(['never', 'use', 'not']);
  });

  it('splits compounds into their parts, one position each, and keeps a possessive whole', () => {
    expect(rawWords("ci/cd pod-to-pod team's").map((w) => [w.word, w.raw, w.pos])).toEqual([
      ['ci', 'ci', 0],
      ['cd', 'cd', 1],
      ['pod', 'pod', 2],
      ['to', 'to', 3],
      ['pod', 'pod', 4],
      ['team', "team's", 5],
    ]);
  });

  it.each(texts)('agrees with tokens() on every position: %s', (text) => {
    const words = new Map(rawWords(text).map((w) => [w.pos, w]));
    for (const t of analyzer.tokens(text)) {
      const w = words.get(t.pos);
      expect(w, `a raw word at ${t.pos} for ${t.term}`).toBeDefined();
      // A token is its word's term, a camel-case part or a joined form starting there, or a phrase starting there.
      if (t.source === 'word') expect(t.word).toBe(w?.word);
    }
    // Every content word is a token at the same position.
    for (const w of rawWords(text)) {
      if (analyzer.isStopWord(w.word)) continue;
      expect(analyzer.tokens(text).some((t) => t.pos === w.pos && t.source === 'word' && t.word === w.word)).toBe(true);
    }
  });

  it('finds negations tokens drop, at positions comparable with tokens', () => {
    const text = "We never hard-code secrets and don't log them";
    const negations = rawWords(text).filter((w) => ['never', "don't", 'not'].includes(w.raw));
    expect(negations.map((w) => w.raw)).toEqual(['never', "don't"]);
    const secrets = analyzer.tokens(text).find((t) => t.word === 'secrets');
    expect((secrets?.pos ?? 0) - (negations[0]?.pos ?? 0)).toBe(3);
  });

  it('reads a typographic apostrophe as an apostrophe', () => {
    expect(rawWords('I don’t know').map((w) => w.raw)).toEqual(['i', "don't", 'know']);
    expect(analyzer.tokens('don’t rotate').map((t) => [t.term, t.pos])).toEqual(analyzer.tokens("don't rotate").map((t) => [t.term, t.pos]));
  });

  it('gives nothing for empty text', () => {
    expect(rawWords('')).toEqual([]);
    expect(rawWords(' -- / ')).toEqual([]);
  });
});

describe('synonyms', () => {
  it('maps single-word members to one canonical term', () => {
    expect(analyzer.terms('k8s')).toEqual(analyzer.terms('kubernetes'));
    expect(analyzer.terms('kube')).toEqual(analyzer.terms('Kubernetes'));
    expect(analyzer.terms('tf')).toEqual(['terraform']);
  });

  it('maps multi-word members both ways', () => {
    const iac = analyzer.terms('iac');
    expect(iac).toHaveLength(1);
    expect(analyzer.terms('we use infrastructure as code')).toEqual(expect.arrayContaining(iac));
    expect(analyzer.terms('infrastructure-as-code')).toEqual(expect.arrayContaining(iac));
    // The phrase's own words still count on their own.
    expect(analyzer.terms('infrastructure as code')).toContain('infrastructur');
  });

  it('needs the whole phrase, stop words included', () => {
    const oom = analyzer.terms('oom');
    expect(analyzer.terms('it ran out of memory')).toEqual(expect.arrayContaining(oom));
    expect(analyzer.terms('memory usage')).not.toEqual(expect.arrayContaining(oom));
  });

  it('joins hyphenated compounds, so post-mortem meets postmortem', () => {
    expect(analyzer.terms('post-mortem')).toEqual(expect.arrayContaining(analyzer.terms('postmortem')));
    expect(analyzer.terms('incident review')).toEqual(expect.arrayContaining(analyzer.terms('postmortem')));
  });

  it('works without synonyms', () => {
    // Words with digits are never stemmed: "k8s" is a name, not a plural.
    expect(createAnalyzer().terms('k8s clusters')).toEqual(['k8s', 'cluster']);
  });
});

describe('typo tolerance', () => {
  const vocabulary = analyzer.vocabulary(['kubernetes crashloop crashloopbackoff terraform locking deployment canary probes']);

  it('allows no edit below 5 letters, 1 for 5-7, 2 for 8+', () => {
    expect([4, 5, 7, 8, 12].map(maxTypoDistance)).toEqual([0, 1, 1, 2, 2]);
  });

  it('corrects to the nearest vocabulary word', () => {
    expect(analyzer.terms('kubernets', vocabulary)).toEqual(analyzer.terms('kubernetes'));
    expect(vocabulary.correct('crashlop')).toEqual({ word: 'crashloop', kind: 'typo' });
    expect(vocabulary.correct('terrafrom')).toEqual({ word: 'terraform', kind: 'typo' });
    expect(vocabulary.correct('canarr')).toEqual({ word: 'canary', kind: 'typo' });
  });

  it('respects the distance limits', () => {
    // 6 letters, 2 edits away: too far.
    expect(vocabulary.correct('cenarr')).toBeUndefined();
    // 4 letters are never corrected.
    expect(vocabulary.correct('prob')).toBeUndefined();
  });

  it('leaves known words and numbers alone', () => {
    expect(vocabulary.correct('deployment')).toBeUndefined();
    expect(vocabulary.correct('deployments')).toBeUndefined();
    expect(vocabulary.correct('13700')).toBeUndefined();
  });

  it('completes a word typed as the start of a longer one', () => {
    const v = createVocabulary(new Map([['crashloopbackoff', 1]]), analyzer.stem);
    expect(v.correct('crashloop')).toEqual({ word: 'crashloopbackoff', kind: 'prefix' });
    const token = analyzer.tokens('crashloop', v)[0];
    expect(token?.term).toBe('crashloopbackoff');
    expect(token?.weight).toBeLessThan(1);
  });

  it('treats synonym members as known words', () => {
    expect(analyzer.terms('k8s', vocabulary)).toEqual(analyzer.terms('kubernetes'));
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('kubernetes', 'kubernetes', 2)).toBe(0);
    expect(editDistance('kubernets', 'kubernetes', 2)).toBe(1);
    expect(editDistance('kuberentes', 'kubernetes', 2)).toBe(1);
    expect(editDistance('terraform', 'terrafrm', 2)).toBe(1);
  });

  it('caps at max + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 1)).toBe(2);
  });
});
