// The mentionflow command line as a library: run it in-process, or reuse its rule loading and input reading.
export { main } from './main.ts';
export type { Io } from './io.ts';
export { FatalError, UsageError } from './errors.ts';
export { loadRules, ruleFiles, rulePaths, ruleFileKind, parseParameterOverrides, type LoadedRules, type RuleFile, type RuleFileKind } from './load-rules.ts';
export { readInput, type InputBatch } from './read-input.ts';
export { loadSettings } from './settings.ts';
