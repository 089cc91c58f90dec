// Engine benchmark (`npm run bench`): mentions/second for 10, 50 and 200 rules on 20,000 synthetic mentions, for
//   1. rules only: facts precomputed into a PrecomputedFacts per mention, then CompiledProgram.run;
//   2. the full path: RuleEngine.decide({ mention }) (lazy facts + rules + decision);
//   3. raw json-rules-engine on the same compiled rules and the same precomputed facts (through ReferenceExecutor:
//      json-rules-engine's Engine with our operators registered by addOperator, facts read from PrecomputedFacts).
// Plus the cost of each text fact alone. Single-threaded; figures are printed, targets are shown, nothing is asserted
// except that the inputs are valid and both executors agree.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  CompiledProgram,
  FACT_CATALOG,
  FactScope,
  MentionSchema,
  PrecomputedFacts,
  ReferenceExecutor,
  RuleEngine,
  SettingsSchema,
  findFact,
  prepareWorkspace,
  type CompiledWorkflow,
  type Mention,
  type RuleCondition,
} from '../../packages/engine/src/index.ts';
import { factCallKey } from '../../packages/engine/src/facts/fact-scope.ts';
import { detectLanguage } from '../../packages/engine/src/text/language.ts';
import { sentimentScore } from '../../packages/engine/src/text/sentiment.ts';
import { findPii } from '../../packages/engine/src/text/pii.ts';
import { compileTerms } from '../../packages/engine/src/text/terms.ts';
import { compileBrand } from '../../packages/engine/src/text/brand.ts';
import { normalizeText, tokenize } from '../../packages/engine/src/text/normalize.ts';
import { BENCH_SETTINGS, TERMS_30, generateMentions } from './synthetic-mentions.ts';
import { generateRuleSet } from './synthetic-workflows.ts';

const MENTION_COUNT = 20_000;
const SEED = 20_250_301;
const RULE_COUNTS = [10, 50, 200] as const;
type RuleCount = (typeof RULE_COUNTS)[number];
/** json-rules-engine is slow: it is measured on the first N mentions. */
const JRE_SUBSET: Record<RuleCount, number> = { 10: 1_000, 50: 1_000, 200: 300 };
const JRE_WARMUP = 300;
const JRE_ROUNDS = 2;
const RULES_ONLY_WARMUP = 5_000;
const RULES_ONLY_ROUNDS = 7;
const FULL_WARMUP = 3_000;
const FULL_ROUNDS = 2;
const TEXT_WARMUP = 2_000;
const TEXT_ROUNDS = 2;
const SANITY_MENTIONS = 200;
const TARGETS = { rulesOnly50: 100_000, rulesOnlyVsJre: 200, full: 20_000 };

/** Defeats dead-code elimination: every timed result flows into it. */
let sink = 0;

const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const pad = (text: string, width: number): string => text.padStart(width);
const padEnd = (text: string, width: number): string => text.padEnd(width);
const rate = (count: number, ms: number): number => (count / ms) * 1000;

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const started = performance.now();
const settings = SettingsSchema.parse(BENCH_SETTINGS);
const { mentions, recipes } = generateMentions(MENTION_COUNT, SEED);
for (const mention of mentions) {
  const parsed = MentionSchema.safeParse(mention);
  if (!parsed.success) throw new Error(`invalid synthetic mention ${mention.id}: ${parsed.error.message}`);
}

const ruleSets = RULE_COUNTS.map((count) => {
  const { workflows, compiled } = generateRuleSet(count, SEED);
  return {
    count,
    workflows,
    compiled,
    program: new CompiledProgram(compiled),
    engine: new RuleEngine({ workflows: compiled, settings }),
    reference: new ReferenceExecutor(compiled),
  };
});

interface FactCall {
  readonly name: string;
  readonly params?: unknown;
  readonly key: string;
}

/** Every fact call the rules make, keyed the way PrecomputedFacts looks them up. */
function factCalls(workflows: readonly CompiledWorkflow[]): FactCall[] {
  const calls = new Map<string, FactCall>();
  const visit = (condition: RuleCondition): void => {
    if ('fact' in condition) {
      const spec = findFact(condition.fact);
      if (!spec) throw new Error(`unknown fact ${condition.fact}`);
      const params = spec.paramsSchema ? (condition.params ?? {}) : undefined;
      const key = factCallKey(condition.fact, params);
      if (!calls.has(key)) calls.set(key, { name: condition.fact, key, ...(params !== undefined ? { params } : {}) });
    } else if ('not' in condition) visit(condition.not);
    else ('all' in condition ? condition.all : condition.any).forEach(visit);
  };
  for (const workflow of workflows) for (const rule of workflow.rules) visit(rule.conditions);
  return [...calls.values()];
}

/** Clauses the rules hold (a condition node's clauses count once per rule below it), and how many test the text. */
function clauseCounts(workflows: readonly CompiledWorkflow[]): { clauses: number; text: number } {
  const counts = { clauses: 0, text: 0 };
  const visit = (condition: RuleCondition): void => {
    if ('fact' in condition) {
      counts.clauses++;
      if (condition.fact === 'text') counts.text++;
    } else if ('not' in condition) visit(condition.not);
    else ('all' in condition ? condition.all : condition.any).forEach(visit);
  };
  for (const workflow of workflows) for (const rule of workflow.rules) visit(rule.conditions);
  return counts;
}

const allCalls = factCalls(ruleSets.flatMap((set) => set.compiled));
const workspace = prepareWorkspace(settings);

/** Every fact value any rule set needs, worked out by the engine's own facts, plus the text's normal form. */
function precompute(mention: Mention): PrecomputedFacts {
  const scope = new FactScope({ subject: 'mention', mention, settings, event: 'mention' }, workspace, FACT_CATALOG);
  const values: Record<string, unknown> = {};
  for (const call of allCalls) values[call.key] = scope.get(call.name, call.params);
  const facts = new PrecomputedFacts(values);
  facts.textForm(mention.text); // term matching reads this form; it is part of precomputing, not of the rules
  return facts;
}

const precomputeStart = performance.now();
const precomputed = mentions.map(precompute);
const precomputeMs = performance.now() - precomputeStart;

// ---------------------------------------------------------------------------------------------------------------
// Header: what is being measured

const languageShare = new Map<string, number>();
const brandShare = new Map<string, number>();
let withPii = 0;
for (const recipe of recipes) {
  languageShare.set(recipe.language, (languageShare.get(recipe.language) ?? 0) + 1);
  brandShare.set(recipe.brand, (brandShare.get(recipe.brand) ?? 0) + 1);
  if (recipe.pii) withPii++;
}
const share = (map: Map<string, number>): string =>
  [...map].map(([key, count]) => `${key} ${Math.round((count / MENTION_COUNT) * 100)}%`).join(', ');
const lengths = mentions.map((mention) => mention.text.length);
const channels = new Set(mentions.map((mention) => mention.channel));

log('Mentionflow engine benchmark');
const loadLine = (): string => {
  const load = loadavg()[0]!;
  const busy = load > cpus().length ? ` — busier than its ${cpus().length} cores: other processes compete, figures are noisy` : '';
  return `load average ${fixed(load)}${busy}`;
};
log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, single thread, seed ${SEED}, ${loadLine()}`);
log(
  `Mentions: ${int(MENTION_COUNT)} valid synthetic mentions, text ${Math.min(...lengths)}–${Math.max(...lengths)} chars ` +
    `(mean ${int(lengths.reduce((a, b) => a + b, 0) / lengths.length)}), ${channels.size} channels`,
);
log(`  languages: ${share(languageShare)}; brand named by: ${share(brandShare)}; personal data in ${Math.round((withPii / MENTION_COUNT) * 100)}%`);
for (const set of ruleSets) {
  const conditions = set.workflows.reduce((sum, workflow) => sum + workflow.graph.nodes.filter((node) => node.type === 'condition').length, 0);
  const { clauses, text } = clauseCounts(set.compiled);
  log(
    `Rule set ${set.count}: ${set.compiled.length} routing workflows, ${conditions} condition nodes, ${set.program.size} rules (all compile); ` +
      `${clauses} clauses across the rules (${text} on the text; shared conditions count once per rule)`,
  );
}
log('Paths: rules-only = CompiledProgram.run over a PrecomputedFacts per mention (fact values and the text\'s normal form worked out beforehand);');
log('       full = RuleEngine.decide({ mention }) (lazy facts, rules, decision);');
log('       json-rules-engine = ReferenceExecutor (json-rules-engine Engine, our operators via addOperator) on the same PrecomputedFacts.');
log('Rule sets are nested: 10 and 50 are (up to their last workflow) prefixes of 200, generated from the same seed.');
log(`Facts the rules read (${allCalls.length}): ${allCalls.map((call) => call.key).join(', ')}`);
log(`Precomputing those facts (FactScope, all of them, every mention): ${fixed((precomputeMs * 1000) / MENTION_COUNT, 1)} µs/mention`);

// ---------------------------------------------------------------------------------------------------------------
// Sanity: both executors fire the same rules; the full path fires what rules-only fires

const ruleIds = (fired: readonly { ruleId: string }[]): string => fired.map((rule) => rule.ruleId).sort().join(' ');
{
  const set = ruleSets.find((candidate) => candidate.count === 50)!;
  for (let index = 0; index < SANITY_MENTIONS; index++) {
    const compiled = ruleIds(set.program.run(precomputed[index]!));
    const reference = ruleIds((await set.reference.run(precomputed[index]!)).fired);
    if (compiled !== reference) {
      throw new Error(`executors disagree on ${mentions[index]!.id} at 50 rules:\n  compiled:  ${compiled}\n  reference: ${reference}`);
    }
  }
  for (const other of ruleSets) {
    for (let index = 0; index < SANITY_MENTIONS; index++) {
      const rulesOnly = ruleIds(other.program.run(precomputed[index]!));
      const full = ruleIds(other.engine.decide({ mention: mentions[index]! }).fired);
      if (rulesOnly !== full) {
        throw new Error(`full path and rules-only disagree on ${mentions[index]!.id} at ${other.count} rules:\n  rules-only: ${rulesOnly}\n  full:       ${full}`);
      }
    }
  }
  log(`Sanity: compiled program and json-rules-engine fire the same rules on the first ${SANITY_MENTIONS} mentions at 50 rules; the full path agrees with rules-only at 10, 50 and 200`);
}

// Fired-rule statistics (how much of each rule set is live on these mentions).
for (const set of ruleSets) {
  let fired = 0;
  let anyFired = 0;
  const seen = new Map<string, number>();
  for (const facts of precomputed) {
    const result = set.program.run(facts);
    fired += result.length;
    if (result.length > 0) anyFired++;
    for (const rule of result) seen.set(rule.ruleId, (seen.get(rule.ruleId) ?? 0) + 1);
  }
  const live = [...seen.values()].filter((count) => count >= MENTION_COUNT * 0.001).length;
  log(
    `Fired at ${set.count} rules: ${fixed(fired / MENTION_COUNT)} rules/mention on average, ` +
      `${Math.round((anyFired / MENTION_COUNT) * 100)}% of mentions fire at least one, ` +
      `${seen.size}/${set.count} rules fire at least once (${live} on ≥0.1% of mentions)`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Text facts, each alone on the same mentions

const texts = mentions.map((mention) => mention.text);
const forms = texts.map((text) => {
  const normalized = normalizeText(text);
  return { normalized, tokens: new Set(tokenize(normalized)) };
});
const languages = mentions.map((mention) => mention.lang?.slice(0, 2) ?? detectLanguage(mention.text, settings.defaultLanguage));
const terms30 = compileTerms([...TERMS_30]);
const brandOf = compileBrand(settings.brand);

/** µs per mention, best of TEXT_ROUNDS passes over every mention. */
function timeEach(run: (index: number) => number): number {
  for (let index = 0; index < TEXT_WARMUP; index++) sink += run(index);
  let fastest = Infinity;
  for (let round = 0; round < TEXT_ROUNDS; round++) {
    const start = performance.now();
    for (let index = 0; index < MENTION_COUNT; index++) sink += run(index);
    fastest = Math.min(fastest, ((performance.now() - start) * 1000) / MENTION_COUNT);
  }
  return fastest;
}

const textCosts: [string, number][] = [
  ['normalize + tokenize (shared text form)', timeEach((i) => new Set(tokenize(normalizeText(texts[i]!))).size)],
  ['language detection (tinyld)', timeEach((i) => detectLanguage(texts[i]!, 'en').length)],
  ['sentiment (language given)', timeEach((i) => sentimentScore(texts[i]!, languages[i]!))],
  ['PII detection (all kinds)', timeEach((i) => findPii(texts[i]!).length)],
  ['term matching, 30 terms (text form given)', timeEach((i) => (terms30.matches(forms[i]!.normalized, forms[i]!.tokens) ? 1 : 0))],
  [
    'term matching, 30 terms (incl. normalizing)',
    timeEach((i) => {
      const normalized = normalizeText(texts[i]!);
      return terms30.matches(normalized, new Set(tokenize(normalized))) ? 1 : 0;
    }),
  ],
  ['brand mention (normalized text given)', timeEach((i) => brandOf(texts[i]!, forms[i]!.normalized).length)],
];
log();
log(`Text facts, each alone on the same ${int(MENTION_COUNT)} mentions (text modules called directly, best of ${TEXT_ROUNDS} passes):`);
for (const [label, micros] of textCosts) {
  log(`  ${padEnd(label, 44)} ${pad(fixed(micros), 8)} µs/mention ${pad(int(1e6 / micros), 12)} mentions/s`);
}

// ---------------------------------------------------------------------------------------------------------------
// The three paths

interface Result {
  rulesOnly: number;
  full: number;
  jre: number;
}
const results = new Map<RuleCount, Result>();

// Passes are interleaved across rule sets (so a burst of load from other processes hits all of them alike) and the
// best pass counts: on a shared machine the fastest pass is the closest to the undisturbed speed.
const best = (values: number[]): number => Math.max(...values);
const rates = new Map(RULE_COUNTS.map((count) => [count, { rulesOnly: [] as number[], full: [] as number[], jre: [] as number[] }]));

// 1. Rules only.
for (const { program } of ruleSets) {
  for (let index = 0; index < RULES_ONLY_WARMUP; index++) sink += program.run(precomputed[index % MENTION_COUNT]!).length;
}
for (let round = 0; round < RULES_ONLY_ROUNDS; round++) {
  for (const { program, count } of ruleSets) {
    const start = performance.now();
    for (let index = 0; index < MENTION_COUNT; index++) sink += program.run(precomputed[index]!).length;
    rates.get(count)!.rulesOnly.push(rate(MENTION_COUNT, performance.now() - start));
  }
}

// 2. Full path.
for (const { engine } of ruleSets) {
  for (let index = 0; index < FULL_WARMUP; index++) sink += engine.decide({ mention: mentions[index % MENTION_COUNT]! }).fired.length;
}
for (let round = 0; round < FULL_ROUNDS; round++) {
  for (const { engine, count } of ruleSets) {
    const start = performance.now();
    for (let index = 0; index < MENTION_COUNT; index++) sink += engine.decide({ mention: mentions[index]! }).fired.length;
    rates.get(count)!.full.push(rate(MENTION_COUNT, performance.now() - start));
  }
}

// 3. json-rules-engine, same rules, same precomputed facts, on a subset (warmed up on other mentions).
for (const { reference } of ruleSets) {
  for (let index = 0; index < JRE_WARMUP; index++) sink += (await reference.run(precomputed[MENTION_COUNT - 1 - index]!)).fired.length;
}
for (let round = 0; round < JRE_ROUNDS; round++) {
  for (const { reference, count } of ruleSets) {
    const subset = JRE_SUBSET[count];
    const start = performance.now();
    for (let index = 0; index < subset; index++) sink += (await reference.run(precomputed[index]!)).fired.length;
    rates.get(count)!.jre.push(rate(subset, performance.now() - start));
  }
}

for (const [count, measured] of rates) {
  results.set(count, { rulesOnly: best(measured.rulesOnly), full: best(measured.full), jre: best(measured.jre) });
}

log();
log(
  `Throughput (mentions/s, best pass; rules-only ${RULES_ONLY_ROUNDS} passes over ${int(MENTION_COUNT)} mentions, full ${FULL_ROUNDS} passes, ` +
    `json-rules-engine ${JRE_ROUNDS} passes over the first ${JRE_SUBSET[10]}/${JRE_SUBSET[50]}/${JRE_SUBSET[200]} mentions; warm-up ${int(RULES_ONLY_WARMUP)}/${int(FULL_WARMUP)}/${JRE_WARMUP} runs):`,
);
log(`  ${padEnd('rules', 6)}${pad('rules-only', 14)}${pad('full', 12)}${pad('json-rules-engine', 20)}${pad('rules-only/jre', 16)}${pad('full/jre', 10)}`);
for (const count of RULE_COUNTS) {
  const result = results.get(count)!;
  log(
    `  ${padEnd(String(count), 6)}${pad(int(result.rulesOnly), 14)}${pad(int(result.full), 12)}${pad(int(result.jre), 20)}` +
      `${pad(`${int(result.rulesOnly / result.jre)}x`, 16)}${pad(`${fixed(result.full / result.jre, 1)}x`, 10)}`,
  );
}

log();
log('Cost per rule (µs per mention per rule; marginal = extra µs per mention per added rule):');
log(`  ${padEnd('rules', 6)}${pad('rules-only', 12)}${pad('full', 12)}${pad('jre', 12)}${pad('rules-only µs/clause', 24)}`);
for (const set of ruleSets) {
  const result = results.get(set.count)!;
  const per = (value: number): string => pad(fixed(1e6 / value / set.count, 3), 12);
  const perClause = fixed(1e6 / result.rulesOnly / clauseCounts(set.compiled).clauses, 3);
  log(`  ${padEnd(String(set.count), 6)}${per(result.rulesOnly)}${per(result.full)}${per(result.jre)}${pad(perClause, 24)}`);
}
const micros = (count: RuleCount, path: keyof Result): number => 1e6 / results.get(count)![path];
const marginal = (from: RuleCount, to: RuleCount, path: keyof Result): number => (micros(to, path) - micros(from, path)) / (to - from);
for (const path of ['rulesOnly', 'full', 'jre'] as const) {
  const early = marginal(10, 50, path);
  const late = marginal(50, 200, path);
  const ratio = late / early;
  const verdict = early > 0 && ratio > 0.67 && ratio < 1.5 ? 'linear in the number of rules' : ratio <= 0.67 ? 'sub-linear (shared costs dominate)' : 'super-linear';
  log(`  ${padEnd(path === 'rulesOnly' ? 'rules-only' : path === 'full' ? 'full' : 'json-rules-engine', 18)} marginal 10→50 ${pad(fixed(early, 3), 8)} µs/rule, 50→200 ${pad(fixed(late, 3), 8)} µs/rule: ${verdict}`);
}

const r50 = results.get(50)!;
log();
log('Targets (shown, not asserted):');
const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');
log(`  rules-only ≥ ${int(TARGETS.rulesOnly50)} mentions/s at 50 rules: ${int(r50.rulesOnly)} — ${mark(r50.rulesOnly >= TARGETS.rulesOnly50)}`);
log(`  rules-only ≥ ${TARGETS.rulesOnlyVsJre}x json-rules-engine at 50 rules: ${int(r50.rulesOnly / r50.jre)}x — ${mark(r50.rulesOnly / r50.jre >= TARGETS.rulesOnlyVsJre)}`);
for (const count of RULE_COUNTS) {
  const full = results.get(count)!.full;
  log(`  full path ≥ ${int(TARGETS.full)} mentions/s at ${count} rules: ${int(full)} — ${mark(full >= TARGETS.full)}`);
}
log(`Total run time ${fixed((performance.now() - started) / 1000, 1)} s, ${loadLine()} (checksum ${Math.round(sink) % 1000})`);
log();
for (const count of RULE_COUNTS) {
  const result = results.get(count)!;
  log(`rules-only ${count}: ${Math.round(result.rulesOnly)} mentions/s (${Math.round(result.rulesOnly / result.jre)}x json-rules-engine)`);
}
for (const count of RULE_COUNTS) log(`full ${count}: ${Math.round(results.get(count)!.full)} mentions/s`);
