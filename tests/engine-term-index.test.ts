// The shared term index: a compiled program answers all its term lists from one pass over a mention's words, with
// the same answers as each list matched on its own (compileTerms) and as json-rules-engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompiledProgram,
  PrecomputedFacts,
  ReferenceExecutor,
  compileCondition,
  compileWorkflow,
  type CompiledWorkflow,
  type RuleCondition,
} from '../packages/engine/src/index.ts';
import type { EvaluationMemo } from '../packages/engine/src/operators/operator-spec.ts';
import { TermIndex } from '../packages/engine/src/text/term-index.ts';
import { TextForms } from '../packages/engine/src/text/text-forms.ts';
import { normalizeText, tokenize } from '../packages/engine/src/text/normalize.ts';
import { compileTerms, type TermList } from '../packages/engine/src/text/terms.ts';
import { condition, edge, node, trigger, workflow, type ClauseTuple } from './support/workflow-builder.ts';

function memo(): EvaluationMemo {
  const forms = new TextForms();
  return { textForm: (text) => forms.of(text) };
}

/** Each list's answer from one index holding them all. */
function together(lists: readonly TermList[], text: string): boolean[] {
  const index = new TermIndex();
  const ids = lists.map((list) => index.add(list));
  const scratch = memo();
  return ids.map((id) => index.contains(id, text, scratch));
}

/** Each list's answer on its own. */
function alone(lists: readonly TermList[], text: string): boolean[] {
  const normalized = normalizeText(text);
  const tokens = new Set(tokenize(normalized));
  return lists.map((list) => compileTerms(list).matches(normalized, tokens));
}

describe('one index for many term lists', () => {
  it('answers every list that holds a word of the text', () => {
    const lists: TermList[] = [['refund'], ['late', 'refund'], ['late'], { fr: ['remboursement'], en: ['refund'] }];
    expect(together(lists, 'Refund please!')).toEqual([true, true, false, true]);
    expect(together(lists, 'the flight was late')).toEqual([false, true, true, false]);
  });

  it('tells apart phrases that start with the same word', () => {
    const lists: TermList[] = [['not working'], ['not received'], ['not'], ['working']];
    expect(together(lists, 'My parcel was NOT received')).toEqual([false, true, true, false]);
    expect(together(lists, 'It is not working, not at all')).toEqual([true, false, true, true]);
    expect(together(lists, 'working, not really')).toEqual([false, false, true, true]);
    expect(together(lists, 'nothing working')).toEqual([false, false, false, true]);
  });

  it('matches a term with an apostrophe typed with one, another one, or none', () => {
    const lists: TermList[] = [["can't log in"], ['cant'], ['can']];
    expect(together(lists, 'i cant log in')).toEqual([true, true, false]);
    expect(together(lists, 'I can’t log in since Monday')).toEqual([true, false, true]);
    expect(together(lists, "I CAN'T LOG IN")).toEqual([true, false, true]);
    expect(together(lists, 'I can log in')).toEqual([false, false, true]);
  });

  it('ignores case and accents on both sides', () => {
    const lists: TermList[] = [['bloqué'], ['BLOQUE'], ['café crème'], ['urgență']];
    expect(together(lists, 'Je suis BLOQUÉ au Cafe Creme')).toEqual([true, true, true, false]);
    expect(together(lists, 'e URGENTA!!')).toEqual([false, false, false, true]);
  });

  it('gives an identical list the same id, and a list added after use its own answers', () => {
    const index = new TermIndex();
    const scratch = memo();
    const first = index.add(['refund', 'late']);
    expect(index.add(['refund', 'late'])).toBe(first);
    expect(index.contains(first, 'late again', scratch)).toBe(true);
    const added = index.add(['again']);
    expect(added).not.toBe(first);
    expect(index.contains(added, 'late again', scratch)).toBe(true);
    expect(index.contains(first, 'late again', scratch)).toBe(true);
    expect(index.contains(added, 'late', scratch)).toBe(false);
  });

  it('follows the text when it changes, as with two text facts read in turn', () => {
    const index = new TermIndex();
    const refund = index.add(['refund']);
    const outage = index.add(['outage', 'down']);
    const scratch = memo();
    const texts = ['refund now', 'site is down', 'refund now', `refund ${'now'}`, ''];
    const seen = texts.map((text) => [index.contains(refund, text, scratch), index.contains(outage, text, scratch)]);
    expect(seen).toEqual([[true, false], [false, true], [true, false], [true, false], [false, false]]);
  });

  it('agrees with each list matched on its own', () => {
    const word = fc.constantFrom(
      ...['refund', 'can', 't', 'cant', 'log', 'in', 'not', 'working', 'urgent', 'bloqué', 'BLOQUE', 'ne', 'marche', 'pas', 'x', "can't", 'don’t'],
    );
    const term = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const list = fc.oneof(
      fc.array(term, { minLength: 0, maxLength: 6 }),
      fc.record({ en: fc.array(term, { maxLength: 4 }), fr: fc.array(term, { maxLength: 4 }) }),
    );
    const text = fc.array(fc.oneof(word, fc.constantFrom('!', ',', '?', '—', '😡')), { maxLength: 25 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 8 }), text, (lists, mention) => {
        expect(together(lists, mention)).toEqual(alone(lists, mention));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('term lists in a compiled program', () => {
  const clauses: ClauseTuple[][] = [
    [['text', 'containsTerms', ['refund', 'not working']]],
    [['text', 'containsTerms', ['not received', 'refund']]],
    [['text', 'notContainsTerms', ['not working', 'thanks']]],
    [['text', 'containsTerms', { en: ["can't log in"], fr: ['bloqué'] }], ['text', 'notContainsTerms', ['refund']]],
    [['text', 'notContainsTerms', ['not']]],
    [['text', 'containsTerms', ['refund']], ['author.followers', 'greaterThan', 100]],
  ];
  // One workflow per condition, each with two actions on "yes" (two rules with the same condition) and one on "no".
  const workflows: CompiledWorkflow[] = clauses.map((clause, index) => {
    const nodes = [trigger(), condition('c', clause), node('yes', 'tag', { tags: ['a'] }), node('also', 'tag', { tags: ['b'] }), node('no', 'tag', { tags: ['c'] })];
    const edges = [edge('start', 'c'), edge('c', 'yes', 'yes'), edge('c', 'also', 'yes'), edge('c', 'no', 'no')];
    const result = compileWorkflow(workflow(`w${index}`, 'routing', nodes, edges));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.workflow;
  });
  const texts = [
    'Refund please, the app is NOT working',
    'my order was not received',
    'I can’t log in, thanks',
    'Je suis bloqué, not working',
    'all good, thanks!',
    'i cant log in',
    '',
  ];

  it.each(texts)('fires what json-rules-engine fires on %j, with both operators sharing the index', async (text) => {
    const program = new CompiledProgram(workflows);
    const reference = new ReferenceExecutor(workflows);
    for (const followers of [10, 1000]) {
      const facts = (): PrecomputedFacts => new PrecomputedFacts({ text, 'author.followers': followers });
      const ids = (fired: readonly { ruleId: string }[]) => fired.map((rule) => rule.ruleId);
      expect(ids(program.run(facts()))).toEqual(ids((await reference.run(facts())).fired));
    }
  });

  it('keeps answering right when one program alternates between mentions', () => {
    const program = new CompiledProgram(workflows);
    const sequence = [...texts, ...[...texts].reverse()];
    const fired = (run: CompiledProgram, text: string) => run.run(new PrecomputedFacts({ text, 'author.followers': 500 })).map((rule) => rule.ruleId);
    expect(sequence.map((text) => fired(program, text))).toEqual(sequence.map((text) => fired(new CompiledProgram(workflows), text)));
  });

  it('shares the index in a standalone condition too', () => {
    const any: RuleCondition = {
      any: [
        { fact: 'text', operator: 'containsTerms', value: ['not working'] },
        { fact: 'text', operator: 'notContainsTerms', value: ['not'] },
      ],
    };
    const holds = compileCondition(any);
    expect(holds(new PrecomputedFacts({ text: 'it is NOT working' }))).toBe(true);
    expect(holds(new PrecomputedFacts({ text: 'it is not fine' }))).toBe(false);
    expect(holds(new PrecomputedFacts({ text: 'fine' }))).toBe(true);
  });
});
