// A mention decided, with what ingest stores beside the decision: the mention's language and sentiment, taken from
// the decision's facts when a rule already worked them out. Worked out where the decision is made (a decide thread
// under load), so the thread that commits does not detect a language again.
import { detectLanguage, sentimentScore, type Decision, type MentionEvaluation, type RuleEngine } from '@mentionflow/engine';

export interface Decided {
  readonly decision: Decision;
  /** Stored on every mention and ticket (assignment by language, the best agent for angry customers, insights). */
  readonly language: string;
  readonly sentiment: number;
}

export function decide(engine: RuleEngine, evaluation: MentionEvaluation): Decided {
  const decision = engine.decide(evaluation);
  const { mention } = evaluation;
  const language = typeof decision.facts.language === 'string' ? decision.facts.language : (mention.lang?.split('-')[0] ?? detectLanguage(mention.text, engine.settings.defaultLanguage));
  const sentiment = typeof decision.facts.sentiment === 'number' ? decision.facts.sentiment : Math.round(sentimentScore(mention.text, language) * 1000) / 1000;
  return { decision, language, sentiment };
}
