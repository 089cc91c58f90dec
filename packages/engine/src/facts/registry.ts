// The fact catalog: every fact a rule may name, with its type and description for the editor's pickers.
import { EngineError } from '../errors.ts';
import type { FactSpec, FactSubject } from './fact-spec.ts';
import { mentionFacts } from './mention-facts.ts';
import { authorFacts } from './author-facts.ts';
import { textAnalysisFacts } from './text-analysis-facts.ts';
import { customerFacts } from './customer-facts.ts';
import { conversationFacts } from './conversation-facts.ts';
import { timeFacts } from './time-facts.ts';
import { ticketFacts } from './ticket-facts.ts';
import { volumeFacts } from './volume-facts.ts';
import { requestFacts } from './request-facts.ts';
import { linkFacts } from './link-facts.ts';
import { personalEventFacts } from './personal-event-facts.ts';

export const FACTS: readonly FactSpec[] = [
  ...mentionFacts,
  ...authorFacts,
  ...textAnalysisFacts,
  ...customerFacts,
  ...conversationFacts,
  ...timeFacts,
  ...ticketFacts,
  ...volumeFacts,
  ...requestFacts,
  ...linkFacts,
  ...personalEventFacts,
];

/** Facts internal to other facts, kept out of the pickers. */
const INTERNAL = new Set(['pii.findings']);

export const FACT_CATALOG: ReadonlyMap<string, FactSpec> = new Map(FACTS.map((fact) => [fact.name, fact]));

export function findFact(name: string): FactSpec | undefined {
  return FACT_CATALOG.get(name);
}

export function getFact(name: string): FactSpec {
  const fact = FACT_CATALOG.get(name);
  if (!fact) throw new EngineError('UNKNOWN_FACT', `unknown fact "${name}"`);
  return fact;
}

/** The facts a rule about this subject may use, for pickers and validation. */
export function factsForSubject(subject: FactSubject): FactSpec[] {
  return FACTS.filter((fact) => fact.subject === subject && !INTERNAL.has(fact.name));
}
