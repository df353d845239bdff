import { describe, expect, it } from 'vitest';
import { buildSearchIndex, indexDocuments, type SearchDocument, searchIndex, unmatchedTerms } from '../../src/search/index.js';
import { LIGHT_WORDS, RELATED_GROUPS } from '../../src/search/related.js';
import { STOP_WORDS } from '../../src/search/stop-words.js';
import { createAnalyzer } from '../../src/search/text.js';
import { loadBank } from './bank.js';
import { fixtureRole } from './fixture.js';

/** A question-like document with one prompt field. */
const doc = (id: string, prompt: string): SearchDocument => ({
  id,
  kind: 'question',
  title: id,
  text: '',
  questionId: id,
  fields: [{ name: 'prompt', text: prompt, weight: 3, strong: true }],
});
const ids = (documents: SearchDocument[], query: string): string[] => searchIndex(indexDocuments(documents, createAnalyzer()), query).map((h) => h.id);

describe('related everyday words', () => {
  it('finds a document by a related word, below one that says the word typed', () => {
    const docs = [doc('cost', 'Cut the cost of compute'), doc('spend', 'Track spend per team'), doc('other', 'Rotate keys')];
    expect(ids(docs, 'cloud spend')).toEqual(['spend', 'cost']);
    expect(ids(docs, 'expenses')).toEqual(['cost', 'spend']);
  });

  it('never corrects an everyday word into an indexed word one edit away', () => {
    const index = indexDocuments([doc('send', 'Send the logs'), doc('cost', 'Cost reports')], createAnalyzer());
    expect(index.queries.vocabulary.correct('spend')).toBeUndefined();
    expect(searchIndex(index, 'spend').map((h) => h.id)).toEqual(['cost']);
  });

  it('keeps the layer to single plain words, none of them stop words', () => {
    for (const word of RELATED_GROUPS.flat()) {
      expect(word, word).toMatch(/^[a-z]+$/);
      expect(STOP_WORDS.has(word), word).toBe(false);
    }
    for (const word of LIGHT_WORDS) expect(STOP_WORDS.has(word), word).toBe(false);
  });
});

describe('ranking by coverage', () => {
  it('ranks a document covering every concept above one repeating a single word', () => {
    const docs = [doc('repeats', 'terraform terraform terraform modules and terraform'), doc('both', 'terraform state in a backend')];
    expect(ids(docs, 'terraform state')[0]).toBe('both');
  });

  it('counts light words neither as concepts nor at full weight', () => {
    const index = indexDocuments([doc('a', 'whole region outage')], createAnalyzer());
    const q = index.queries.analyse('the whole region');
    expect(q.concepts).toEqual(['region']);
    const whole = q.terms.find((t) => t.term === 'whole');
    expect(whole?.concepts).toBe(0);
    expect(whole?.weight).toBeLessThan(1);
  });

  it('joins two typed words into the compound a text writes', () => {
    const docs = [doc('rollout', 'A staged rollout to users'), doc('roll', 'Roll back a bad config')];
    expect(ids(docs, 'roll out')[0]).toBe('rollout');
    expect(ids(docs, 'fail over')).toEqual([]);
  });

  it('makes one concept of a synonym phrase, named as typed', () => {
    const index = buildSearchIndex(fixtureRole);
    expect(index.queries.analyse('infrastructure as code drift').concepts).toEqual(['infrastructure as code', 'drift']);
    expect(index.queries.analyse('ci/cd k8s').concepts).toEqual(['ci/cd', 'k8s']);
  });
});

describe('unmatchedTerms', () => {
  const index = buildSearchIndex(loadBank());

  it('names topic words nothing mentions, as typed, in order', () => {
    expect(unmatchedTerms(index, 'aws lambda')).toEqual(['lambda']);
    expect(unmatchedTerms(index, 'Lambda and Fargate on kubernetes')).toEqual(['lambda', 'fargate']);
    expect(unmatchedTerms(index, 'zzzz')).toEqual(['zzzz']);
  });

  it('counts synonyms, typos, compounds and related words as matches', () => {
    expect(unmatchedTerms(index, 'k8s crashloop')).toEqual([]);
    expect(unmatchedTerms(index, 'kubernets')).toEqual([]);
    expect(unmatchedTerms(index, 'ci/cd')).toEqual([]);
    expect(unmatchedTerms(index, 'reduce cloud spend')).toEqual([]);
  });

  it('never reports stop words, light words or everyday words', () => {
    expect(unmatchedTerms(index, 'what is the whole thing')).toEqual([]);
    expect(unmatchedTerms(index, 'how do I handle it')).toEqual([]);
  });

  it('can look at some kinds only', () => {
    // Grafana is in a technical skill, in no question.
    expect(unmatchedTerms(index, 'grafana')).toEqual([]);
    expect(unmatchedTerms(index, 'grafana', { kinds: ['question'] })).toEqual(['grafana']);
  });
});
