// The rules behind generated forms: which fields show (showWhen), what data becomes when a field changes,
// which operators a fact's type allows, value editors, term lists per language, and readable parameters.
import { describe, expect, it } from 'vitest';
import { FACTS, NODE_SPECS, analyzeWorkflow, operatorsForType, type FactType, type NodeSpec } from '../packages/engine/src/index.ts';
import { applyFieldChange, isFieldVisible, visibleFields } from '../apps/editor/src/editor/inspector/field-rules.ts';
import { changeFact, changeOperator, factGroups, operatorsForFact, valueEditorFor } from '../apps/editor/src/editor/clauses/clause-rules.ts';
import { termsByLanguage, toTermList } from '../apps/editor/src/editor/clauses/term-lists.ts';
import { paramFieldsOf } from '../apps/editor/src/editor/clauses/param-fields.ts';
import { summarizeNode } from '../apps/editor/src/editor/graph/node-summary.ts';
import { pathSentences } from '../apps/editor/src/editor/graph/path-sentence.ts';
import { FIELD_CONTROLS } from '../apps/editor/src/editor/fields/field-controls.ts';

const spec = (kind: keyof typeof NODE_SPECS): NodeSpec => NODE_SPECS[kind] as NodeSpec;
const names = (fields: readonly { name: string }[]) => fields.map((field) => field.name);

describe('form field visibility (showWhen)', () => {
  it('shows "priority" for set and "raise" for raise', () => {
    expect(names(visibleFields(spec('set_priority'), { mode: 'set', priority: 'P2' }))).toEqual(['mode', 'priority']);
    expect(names(visibleFields(spec('set_priority'), { mode: 'raise', raise: 1 }))).toEqual(['mode', 'raise']);
  });

  it('shows the follow-up timing fields of the chosen "when" only', () => {
    const followUp = spec('schedule_follow_up');
    expect(names(visibleFields(followUp, { when: 'after', after: '3d', template: 'follow-up' }))).toEqual(['when', 'after', 'template']);
    expect(names(visibleFields(followUp, { when: 'event' }))).toEqual(['when', 'offset', 'direction', 'template']);
    const at = followUp.fields.find((field) => field.name === 'at')!;
    expect(isFieldVisible(at, { when: 'at' })).toBe(true);
    expect(isFieldVisible(at, { when: 'after' })).toBe(false);
  });

  it('switching a discriminating field drops hidden fields and starts new ones, so the data stays valid', () => {
    const setPriority = spec('set_priority');
    const raised = applyFieldChange(setPriority, { mode: 'set', priority: 'P2' }, 'mode', 'raise');
    expect(raised).toEqual({ mode: 'raise', raise: 1 });
    expect(setPriority.dataSchema.safeParse(raised).success).toBe(true);
    const back = applyFieldChange(setPriority, raised, 'mode', 'set');
    expect(back).toEqual({ mode: 'set', priority: 'P3' });
    expect(setPriority.dataSchema.safeParse(back).success).toBe(true);

    const followUp = spec('schedule_follow_up');
    const event = applyFieldChange(followUp, { when: 'after', after: '3d', template: 'follow-up' }, 'when', 'event');
    expect(event).toEqual({ when: 'event', template: 'follow-up', offset: '1d', direction: 'before' });
    expect(followUp.dataSchema.safeParse(event).success).toBe(true);
  });

  it('has a control for every input any node spec uses', () => {
    for (const node of Object.values(NODE_SPECS as Record<string, NodeSpec>)) {
      for (const field of node.fields) expect(FIELD_CONTROLS[field.input], `${node.kind}.${field.name}`).toBeDefined();
    }
  });
});

describe('clause editing', () => {
  it('lists exactly the operators that fit the fact’s type', () => {
    expect(operatorsForFact('author.followers').map((operator) => operator.name)).toEqual(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn']);
    expect(operatorsForFact('text').map((operator) => operator.name)).toEqual(['containsTerms', 'notContainsTerms', 'matchesPattern']);
    expect(operatorsForFact('author.verified').map((operator) => operator.name)).toEqual(['equal', 'notEqual']);
    expect(operatorsForFact('pii.kinds').map((operator) => operator.name)).toEqual(['contains', 'doesNotContain']);
    expect(operatorsForFact('no.such.fact')).toEqual([]);
    for (const fact of FACTS) expect(operatorsForFact(fact.name)).toEqual(operatorsForType(fact.type as FactType));
  });

  it('picks a value editor from the fact and operator', () => {
    const fact = (name: string) => FACTS.find((candidate) => candidate.name === name);
    expect(valueEditorFor(fact('text'), 'containsTerms')).toBe('terms');
    expect(valueEditorFor(fact('text'), 'matchesPattern')).toBe('pattern');
    expect(valueEditorFor(fact('author.followers'), 'greaterThan')).toBe('number');
    expect(valueEditorFor(fact('minutesWaiting'), 'greaterThan')).toBe('duration');
    expect(valueEditorFor(fact('channel'), 'equal')).toBe('enum');
    expect(valueEditorFor(fact('channel'), 'in')).toBe('enum-list');
    expect(valueEditorFor(fact('author.verified'), 'equal')).toBe('boolean');
    expect(valueEditorFor(fact('pii.kinds'), 'contains')).toBe('enum');
  });

  it('changing the fact keeps a fitting operator, else takes the first that fits, and restarts the value', () => {
    expect(changeFact({ fact: 'text', operator: 'containsTerms', value: ['refund'] }, 'author.followers')).toEqual({ fact: 'author.followers', operator: 'equal', value: expect.any(Number) });
    expect(changeFact({ fact: 'channel', operator: 'in', value: ['x'] }, 'kind')).toEqual({ fact: 'kind', operator: 'in', value: [] });
    expect(changeFact({ fact: 'text', operator: 'containsTerms', value: [] }, 'volume')).toMatchObject({ fact: 'volume', params: { windowMinutes: 15 } });
    expect(changeOperator({ fact: 'channel', operator: 'equal', value: 'x' }, 'notEqual')).toEqual({ fact: 'channel', operator: 'notEqual', value: 'x' });
    expect(changeOperator({ fact: 'channel', operator: 'equal', value: 'x' }, 'in')).toEqual({ fact: 'channel', operator: 'in', value: [] });
  });

  it('groups the facts of a workflow’s subject for the picker, leaving none out', () => {
    const groups = factGroups('mention');
    expect(groups.map((group) => group.label)).toContain('Author');
    expect(groups.flatMap((group) => group.facts).every((fact) => fact.subject === 'mention')).toBe(true);
    expect(factGroups('request').flatMap((group) => group.facts.map((fact) => fact.name))).toContain('request.amount');
  });

  it('reads a fact’s settings from its paramsSchema', () => {
    const volume = FACTS.find((fact) => fact.name === 'volume');
    expect(paramFieldsOf(volume).map((field) => [field.name, field.input, field.optional])).toEqual([
      ['windowMinutes', 'number', false],
      ['terms', 'terms', true],
      ['channel', 'select', true],
    ]);
    expect(paramFieldsOf(FACTS.find((fact) => fact.name === 'incident.open'))).toEqual([{ name: 'topic', label: 'Incident topic', input: 'text', optional: false }]);
  });

  it('keeps term lists per language, storing a plain list when only "any language" has terms', () => {
    expect(termsByLanguage(['refund'])).toEqual({ any: ['refund'] });
    expect(toTermList({ any: ['refund'], fr: [] })).toEqual(['refund']);
    expect(toTermList({ any: ['refund'], fr: ['remboursement'] })).toEqual({ any: ['refund'], fr: ['remboursement'] });
    expect(termsByLanguage({ en: ['refund'], fr: ['remboursement'] })).toEqual({ en: ['refund'], fr: ['remboursement'] });
    expect(toTermList({})).toEqual([]);
  });
});

describe('plain-language summaries', () => {
  it('shows pack parameters as parameters, never as [object Object]', () => {
    const text = summarizeNode('condition', { combinator: 'all', clauses: [{ fact: 'minutesWaiting', operator: 'greaterThan', value: { $param: 'p1Minutes' } }] });
    expect(text).toBe('minutes waiting is more than parameter: p1Minutes');
    expect(summarizeNode('route', { queue: { $param: 'spamQueue' }, rank: 0 })).toBe('route to queue “parameter: spamQueue” (rank 0)');
    expect(summarizeNode('condition', { combinator: 'any', clauses: [{ fact: 'text', operator: 'containsTerms', value: { $param: 'urgentTerms' } }] })).toBe('text contains any of parameter: urgentTerms');
    expect(summarizeNode('set_priority', { mode: 'raise' })).toBe('Set priority');
  });

  it('reads a path from the trigger as a sentence, with "no" branches negated', () => {
    const graph = {
      nodes: [
        { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
        { id: 'public', type: 'condition', position: { x: 0, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'visibility', operator: 'equal', value: 'public' }] } },
        { id: 'card', type: 'condition', position: { x: 0, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'pii.kinds', operator: 'contains', value: 'card' }] } },
        { id: 'private', type: 'move_to_private', position: { x: 0, y: 0 }, data: { reason: 'card number', template: 'move-to-private' } },
        { id: 'tag', type: 'tag', position: { x: 0, y: 0 }, data: { tags: ['pii'] } },
        { id: 'general', type: 'route', position: { x: 0, y: 0 }, data: { queue: 'general', rank: 90 } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'public' },
        { id: 'b', source: 'public', target: 'card', sourceHandle: 'yes' },
        { id: 'c', source: 'card', target: 'private', sourceHandle: 'yes' },
        { id: 'd', source: 'private', target: 'tag' },
        { id: 'e', source: 'card', target: 'general', sourceHandle: 'no' },
      ],
    };
    expect(analyzeWorkflow({ id: 'w', name: 'w', kind: 'routing', graph }).problems).toEqual([]);
    expect(pathSentences(graph, 'private')).toEqual(['When a mention arrives and visibility is “public” and kinds of personal data includes “card” → move to private (card number) and tag “pii”']);
    expect(pathSentences(graph, 'general')).toEqual(['When a mention arrives and visibility is “public” and not (kinds of personal data includes “card”) → route to queue “general” (rank 90)']);
  });
});
