// The logic behind the clause editor: facts grouped for the picker, operators that fit a fact's type, the value
// editor a (fact, operator) pair needs, and what a clause becomes when its fact or operator changes.
import { findFact, operatorsForType, type FactSpec, type FactSubject, type OperatorSpec } from '@mentionflow/engine';
import { factsForSubject } from '@mentionflow/engine';

export interface Clause {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
}

const GROUP_LABELS: Record<string, string> = {
  author: 'Author',
  customer: 'Customer',
  conversation: 'Conversation',
  ticket: 'Ticket',
  request: 'Request',
  pii: 'Personal data',
  brand: 'Brand',
  links: 'Links',
  personalEvent: 'Personal event',
  businessHours: 'Time',
  incident: 'Volume and incidents',
};

const TOP_LEVEL_GROUPS: Record<string, string> = {
  text: 'Mention',
  channel: 'Mention',
  kind: 'Mention',
  visibility: 'Mention',
  language: 'Mention',
  isQuestion: 'Mention',
  rating: 'Mention',
  event: 'Mention',
  sentiment: 'Text analysis',
  volume: 'Volume and incidents',
  firstResponseSent: 'Time',
  minutesWaiting: 'Time',
  businessMinutesWaiting: 'Time',
};

export function groupOf(fact: FactSpec): string {
  const [head, ...rest] = fact.name.split('.');
  if (rest.length === 0) return TOP_LEVEL_GROUPS[fact.name] ?? 'Other';
  return GROUP_LABELS[head!] ?? 'Other';
}

/** The facts a workflow of this subject may use, grouped for an `<optgroup>` picker, groups in catalog order. */
export function factGroups(subject: FactSubject): { label: string; facts: FactSpec[] }[] {
  const groups = new Map<string, FactSpec[]>();
  for (const fact of factsForSubject(subject)) {
    const label = groupOf(fact);
    groups.set(label, [...(groups.get(label) ?? []), fact]);
  }
  return [...groups].map(([label, facts]) => ({ label, facts }));
}

export function operatorsForFact(factName: string): OperatorSpec[] {
  const fact = findFact(factName);
  return fact ? operatorsForType(fact.type) : [];
}

/** Facts counted in minutes get a duration editor ("1h 30m"), stored as the number of minutes the engine compares. */
export function isMinutesFact(fact: FactSpec | undefined): boolean {
  return fact?.type === 'number' && /minutes/i.test(fact.name);
}

export type ValueEditorKind = 'terms' | 'pattern' | 'number' | 'duration' | 'boolean' | 'enum' | 'enum-list' | 'text' | 'text-list' | 'number-list';

export function valueEditorFor(fact: FactSpec | undefined, operator: string): ValueEditorKind {
  if (!fact) return 'text';
  if (operator === 'containsTerms' || operator === 'notContainsTerms') return 'terms';
  if (operator === 'matchesPattern') return 'pattern';
  const many = operator === 'in' || operator === 'notIn';
  switch (fact.type) {
    case 'number':
      return many ? 'number-list' : isMinutesFact(fact) ? 'duration' : 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return many ? 'enum-list' : 'enum';
    case 'list':
      return fact.enumValues?.length ? 'enum' : 'text';
    default:
      return many ? 'text-list' : 'text';
  }
}

/** A value that fits the editor, so a fresh clause reads sensibly and validation points at what is missing. */
export function defaultValueFor(fact: FactSpec | undefined, operator: string): unknown {
  switch (valueEditorFor(fact, operator)) {
    case 'terms':
    case 'enum-list':
    case 'text-list':
    case 'number-list':
      return [];
    case 'number':
      return fact?.example !== undefined && typeof fact.example === 'number' ? fact.example : 0;
    case 'duration':
      return 60;
    case 'boolean':
      return true;
    case 'enum':
      return fact?.enumValues?.[0] ?? '';
    default:
      return '';
  }
}

/** A new fact keeps the operator when it still fits, else takes the first that does; the value restarts. */
export function changeFact(clause: Clause, factName: string): Clause {
  const fact = findFact(factName);
  const fitting = fact ? operatorsForType(fact.type) : [];
  const operator = fitting.some((candidate) => candidate.name === clause.operator) ? clause.operator : (fitting[0]?.name ?? '');
  const next: Clause = { fact: factName, operator, value: defaultValueFor(fact, operator) };
  if (fact?.paramsSchema) next.params = defaultParamsFor(fact);
  return next;
}

/** A new operator keeps the value when the value editor stays the same (e.g. `is` → `is not`). */
export function changeOperator(clause: Clause, operator: string): Clause {
  const fact = findFact(clause.fact);
  const same = valueEditorFor(fact, clause.operator) === valueEditorFor(fact, operator);
  return { ...clause, operator, value: same ? clause.value : defaultValueFor(fact, operator) };
}

function defaultParamsFor(fact: FactSpec): Record<string, unknown> {
  if (fact.name === 'volume') return { windowMinutes: 15 };
  if (fact.name === 'incident.open') return { topic: 'outage' };
  return {};
}
