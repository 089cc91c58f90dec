// Mentionflow's engine: the workflow format, the node and fact registries, the compiler, and decisions.
export * from './errors.ts';
export * from './mention/mention-schema.ts';
export * from './mention/settings-schema.ts';
export * from './workflow/workflow-kind.ts';
export * from './workflow/workflow-schema.ts';
export * from './nodes/node-kinds.ts';
export * from './nodes/node-spec.ts';
export { NODE_SPECS, findNodeSpec } from './nodes/registry.ts';
export { QueueNameSchema, TagSchema, TemplateIdSchema, TopicSchema } from './nodes/shared-fields.ts';
export * from './facts/fact-type.ts';
export type { FactSpec, FactSubject } from './facts/fact-spec.ts';
export { FACTS, FACT_CATALOG, findFact, getFact, factsForSubject } from './facts/registry.ts';
export * from './facts/volume-query.ts';
export type { OperatorSpec } from './operators/operator-spec.ts';
export { OPERATORS, findOperator, getOperator, operatorsForType } from './operators/registry.ts';
export * from './compiler/problem.ts';
export * from './compiler/rule-json.ts';
export * from './compiler/parameters.ts';
export { analyzeWorkflow } from './compiler/analyze-workflow.ts';
export { analyzeRules, listRouteOverlaps, type RuleWarning, type RuleNodeRef, type RouteOverlap, type RouteRef } from './analysis/analyze-rules.ts';
export { compileWorkflow, type CompiledWorkflow, type CompileResult, type CompileOptions } from './compiler/compile-workflow.ts';
export { describeClause } from './compiler/describe-clause.ts';
export { waitingThresholds, nextWaitingCheck, nextBusinessHoursChange, type WaitingThresholds, type WaitingClock } from './compiler/time-thresholds.ts';
export * from './evaluation/evaluation-input.ts';
export * from './evaluation/ticket-schema.ts';
export * from './evaluation/empowerment-request-schema.ts';
export * from './decision/priority.ts';
export * from './decision/action.ts';
export * from './decision/decision-schema.ts';
export { decide, DEFAULT_PRIORITY } from './decision/decide.ts';
export { decideEmpowerment } from './decision/empowerment.ts';
export { CompiledProgram, compileCondition } from './executor/compiled-program.ts';
export { ReferenceExecutor } from './executor/reference-executor.ts';
export { PrecomputedFacts, type FactSource } from './executor/fact-source.ts';
export type { FiredRule } from './executor/fired-rule.ts';
export { plainPathResolver } from './executor/plain-path-resolver.ts';
export * from './explain/trace.ts';
export { RuleEngine, type MentionEvaluation, type RuleEngineOptions, type Stage } from './rule-engine.ts';
export { FactScope } from './facts/fact-scope.ts';
export { prepareWorkspace } from './facts/workspace.ts';
export { mergeDecisions } from './decision/merge-decisions.ts';
export * from './pack/pack-schema.ts';
export * from './pack/compile-pack.ts';
export * from './pack/run-pack-tests.ts';
export { Replay, inArrivalOrder, type ReplayOptions, type ReplayStep } from './simulation/replay.ts';
export {
  ComparisonReplay,
  ComparisonSummary,
  NO_QUEUE,
  arrivalOrder,
  compareDecisions,
  compareInInputOrder,
  replaceWorkflows,
  type ChangedField,
  type ComparedMention,
  type ComparedStep,
  type ComparisonSummaryJson,
  type DecisionChange,
  type InputOrderOptions,
} from './simulation/compare.ts';
export * from './format/record-file.ts';
export { readRecords, describeIssue, type ReadRecords, type ValidRecord } from './format/read-records.ts';
export { coerceCells } from './format/coerce-cells.ts';
export { packJsonSchema } from './pack/pack-json-schema.ts';
export * from './workflow/diff-workflows.ts';
export * from './time/business-hours.ts';
export * from './time/duration.ts';
export { findPii, piiKinds, maskPii, type PiiFinding, type PiiKind } from './text/pii.ts';
export { normalizeText, tokenize } from './text/normalize.ts';
export { TermListSchema, termsOf, compileTerms, textContainsTerms, type TermList, type TermMatcher } from './text/terms.ts';
export { detectLanguage } from './text/language.ts';
export { sentimentScore, sentimentOf } from './text/sentiment.ts';
export * from './access/roles.ts';
