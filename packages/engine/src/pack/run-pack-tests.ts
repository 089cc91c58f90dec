// Runs a pack's own tests: each mention or request through the pack's workflows, checked against `expect`.
import { RuleEngine } from '../rule-engine.ts';
import { DEFAULT_SETTINGS } from '../mention/settings-schema.ts';
import type { Decision, EmpowermentDecision } from '../decision/decision-schema.ts';
import { Replay } from '../simulation/replay.ts';
import { compilePack, type PackProblem } from './compile-pack.ts';
import type { Pack, PackExpectation, PackTest } from './pack-schema.ts';

export interface PackTestResult {
  readonly index: number;
  readonly name: string;
  readonly passed: boolean;
  /** What differed from `expect`, one sentence each. */
  readonly failures: readonly string[];
  readonly outcome?: Decision | EmpowermentDecision;
}

export interface PackTestReport {
  readonly packId: string;
  readonly problems: readonly PackProblem[];
  readonly results: readonly PackTestResult[];
  readonly passed: boolean;
}

export function runPackTests(input: unknown, overrides: Readonly<Record<string, unknown>> = {}): PackTestReport {
  const compiled = compilePack(input, overrides);
  if (!compiled.ok) {
    const packId = compiled.pack?.id ?? String((input as { id?: unknown })?.id ?? '(unknown pack)');
    return { packId, problems: compiled.problems, results: [], passed: false };
  }
  const results = compiled.pack.tests.map((test, index) => runOne(compiled.pack, test, index, { ...overrides, ...test.parameters }));
  return { packId: compiled.pack.id, problems: [], results, passed: results.every((result) => result.passed) };
}

function runOne(pack: Pack, test: PackTest, index: number, parameters: Record<string, unknown>): PackTestResult {
  const compiled = compilePack(pack, parameters);
  if (!compiled.ok) {
    return { index, name: test.name, passed: false, failures: compiled.problems.map((found) => `${found.path}: ${found.message}`) };
  }
  const engine = new RuleEngine({ workflows: compiled.workflows, settings: test.settings ?? pack.settings ?? DEFAULT_SETTINGS });
  let outcome: Decision | EmpowermentDecision;
  if (test.request) {
    outcome = engine.checkEmpowerment(test.request);
  } else {
    const mention = test.mention!;
    const stage = test.stage ?? 'ingest';
    if (stage === 'ingest') {
      const replay = new Replay(engine);
      for (const earlier of test.history ?? []) replay.ingest(earlier);
      outcome = test.now ? engine.decide({ mention, now: test.now, openIncidents: replay.openIncidents }) : replay.ingest(mention);
    } else {
      const ticket = test.ticket ?? { priority: 'P3', queue: 'general', status: stage === 'resolution' ? 'resolved' : 'open', firstResponseSent: false, escalatedTo: [], tags: [] };
      const evaluation = { mention, ticket, ...(test.now ? { now: test.now } : {}) };
      outcome = stage === 'escalation' ? engine.escalate(evaluation) : engine.resolve(evaluation);
    }
  }
  const failures = checkExpectation(test.expect, outcome);
  return { index, name: test.name, passed: failures.length === 0, failures, outcome };
}

function describe(value: unknown): string {
  return JSON.stringify(value);
}

/** Every way the outcome differs from what the test expects. */
export function checkExpectation(expect: PackExpectation, outcome: Decision | EmpowermentDecision): string[] {
  const failures: string[] = [];
  if ('allowed' in outcome) {
    if (expect.allowed !== undefined && outcome.allowed !== expect.allowed) failures.push(`allowed is ${outcome.allowed}, expected ${expect.allowed}`);
    if (expect.requiresApproval !== undefined && outcome.requiresApproval !== expect.requiresApproval) {
      failures.push(`requiresApproval is ${describe(outcome.requiresApproval)}, expected ${describe(expect.requiresApproval)}`);
    }
    return failures;
  }
  if (expect.priority !== undefined && outcome.priority !== expect.priority) failures.push(`priority is ${outcome.priority}, expected ${expect.priority}`);
  if (expect.queue !== undefined && outcome.queue !== expect.queue) failures.push(`queue is ${describe(outcome.queue)}, expected ${describe(expect.queue)}`);
  for (const tag of expect.tags ?? []) if (!outcome.tags.includes(tag)) failures.push(`tag “${tag}” is missing (tags: ${describe(outcome.tags)})`);
  for (const tag of expect.notTags ?? []) if (outcome.tags.includes(tag)) failures.push(`tag “${tag}” should not be there`);
  for (const expected of expect.actions ?? []) {
    const wanted = typeof expected === 'string' ? { type: expected } : expected;
    const found = outcome.actions.some((action) => Object.entries(wanted).every(([key, value]) => describe(action[key]) === describe(value)));
    if (!found) failures.push(`no action ${describe(wanted)} (actions: ${describe(outcome.actions.map((action) => action.type))})`);
  }
  for (const type of expect.notActions ?? []) {
    if (outcome.actions.some((action) => action.type === type)) failures.push(`action “${type}” should not be there`);
  }
  return failures;
}
