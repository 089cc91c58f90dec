// Deterministic synthetic routing workflows for benchmarks: valid graphs (trigger → conditions → actions, some "no"
// branches) whose action nodes add up to exactly the number of rules asked for.
import {
  compileWorkflow,
  type CompiledWorkflow,
  type GraphEdge,
  type GraphNode,
  type WorkflowInput,
} from '../../packages/engine/src/index.ts';
import { createRng, TOPIC_TERMS, TOPICS, type Rng, type Topic } from './synthetic-mentions.ts';

export interface Clause {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
}

const CHANNELS = ['x', 'facebook', 'instagram', 'messenger', 'whatsapp', 'review', 'email', 'chat'] as const;
const PUBLIC_CHANNELS = ['x', 'facebook', 'instagram', 'review'] as const;
const QUEUES = ['billing', 'support', 'social-care', 'vip-desk', 'outage-room', 'complaints', 'praise', 'fr-team', 'es-team', 'ro-team', 'de-team', 'privacy', 'general'];
const TAGS = ['refund', 'urgent', 'complaint', 'praise', 'outage', 'pii', 'influencer', 'vip', 'question', 'negative', 'brand-tagged', 'follow-up', 'multilingual'];

/** Terms for a text clause: 5–30, mostly from one topic (all languages), sometimes mixed with a second one. */
function termList(rng: Rng, topic: Topic): string[] {
  const count = rng.int(5, 30);
  const own = TOPIC_TERMS[topic];
  if (count <= own.length && rng.chance(0.7)) return rng.sample(own, count);
  const other = TOPIC_TERMS[rng.pick(TOPICS.filter((candidate) => candidate !== topic))];
  return [...new Set([...rng.sample(own, Math.min(own.length, count)), ...rng.sample(other, count)])].slice(0, count);
}

/** One clause over a mix of facts, weighted towards the text (as real routing rules are). */
function clause(rng: Rng): Clause {
  const kind = rng.weighted([
    ['text', 30], ['sentiment', 10], ['followers', 8], ['verified', 4], ['channel', 8], ['visibility', 5],
    ['pii', 6], ['brand', 7], ['tier', 6], ['replies', 5], ['language', 6], ['notText', 3], ['question', 2],
  ] as const);
  switch (kind) {
    case 'text':
      return { fact: 'text', operator: 'containsTerms', value: termList(rng, rng.pick(TOPICS)) };
    case 'notText':
      return { fact: 'text', operator: 'notContainsTerms', value: termList(rng, rng.pick(['praise', 'question'] as const)) };
    case 'sentiment':
      return rng.chance(0.6)
        ? { fact: 'sentiment', operator: rng.pick(['lessThan', 'lessThanInclusive']), value: rng.pick([-0.5, -0.3, -0.2, -0.1, 0]) }
        : { fact: 'sentiment', operator: rng.pick(['greaterThan', 'greaterThanInclusive']), value: rng.pick([0, 0.1, 0.3, 0.5]) };
    case 'followers':
      return { fact: 'author.followers', operator: rng.pick(['greaterThanInclusive', 'greaterThan']), value: rng.pick([100, 1000, 10_000, 50_000, 100_000]) };
    case 'verified':
      return { fact: 'author.verified', operator: 'equal', value: rng.chance(0.8) };
    case 'channel':
      return { fact: 'channel', operator: rng.chance(0.8) ? 'in' : 'notIn', value: rng.sample(CHANNELS, rng.int(1, 4)) };
    case 'visibility':
      return { fact: 'visibility', operator: 'equal', value: rng.chance(0.6) ? 'public' : 'private' };
    case 'pii':
      return rng.chance(0.6)
        ? { fact: 'pii.any', operator: 'equal', value: true }
        : { fact: rng.pick(['pii.card', 'pii.iban', 'pii.email', 'pii.phone']), operator: 'equal', value: true };
    case 'brand':
      return rng.weighted([
        [{ fact: 'brand.mention', operator: 'in', value: ['handle', 'hashtag'] }, 3],
        [{ fact: 'brand.mention', operator: 'equal', value: 'name' }, 2],
        [{ fact: 'brand.mention', operator: 'notEqual', value: 'none' }, 2],
        [{ fact: 'brand.mentioned', operator: 'equal', value: true }, 1],
      ] as const) as Clause;
    case 'tier':
      return { fact: 'customer.tier', operator: 'in', value: rng.sample(['silver', 'gold', 'vip'], rng.int(1, 2)) };
    case 'replies':
      return rng.chance(0.5)
        ? { fact: 'conversation.brandReplies', operator: 'equal', value: 0 }
        : { fact: 'conversation.brandReplies', operator: 'greaterThanInclusive', value: rng.int(1, 2) };
    case 'language':
      return rng.chance(0.6)
        ? { fact: 'language', operator: 'equal', value: rng.pick(['en', 'fr', 'es', 'ro', 'de']) }
        : { fact: 'language', operator: 'in', value: rng.sample(['fr', 'es', 'ro', 'de'], 2) };
    case 'question':
      return { fact: 'isQuestion', operator: 'equal', value: true };
  }
}

function action(rng: Rng): { type: string; data: Record<string, unknown> } {
  const type = rng.weighted([['route', 4], ['set_priority', 3], ['tag', 3]] as const);
  if (type === 'route') return { type, data: { queue: rng.pick(QUEUES), rank: rng.pick([10, 20, 50, 100, 100, 200, 500]) } };
  if (type === 'set_priority') {
    return { type, data: rng.chance(0.7) ? { mode: 'set', priority: rng.pick(['P1', 'P2', 'P3', 'P4']) } : { mode: 'raise', raise: rng.int(1, 2) } };
  }
  return { type, data: { tags: rng.sample(TAGS, rng.int(1, 3)) } };
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private counter = 0;
  private edgeCounter = 0;

  constructor(private readonly rng: Rng) {}

  add(type: string, data: Record<string, unknown>, depth: number): string {
    const id = `${type === 'condition' ? 'c' : type === 'routing_trigger' ? 't' : 'a'}${++this.counter}`;
    this.nodes.push({ id, type, position: { x: depth * 260, y: this.counter * 90 }, data });
    return id;
  }

  connect(source: string, target: string, sourceHandle?: 'yes' | 'no'): void {
    this.edges.push({ id: `e${++this.edgeCounter}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
  }

  condition(depth: number): string {
    const count = this.rng.weighted([[1, 5], [2, 4], [3, 2]] as const);
    const clauses = Array.from({ length: count }, () => clause(this.rng));
    return this.add('condition', { combinator: this.rng.chance(0.3) ? 'any' : 'all', clauses }, depth);
  }

  action(depth: number): string {
    const { type, data } = action(this.rng);
    return this.add(type, data, depth);
  }

  /** Hang exactly `budget` action nodes below `from` (a node id plus, for conditions, the handle). */
  grow(from: string, handle: 'yes' | 'no' | undefined, budget: number, depth: number): void {
    if (budget <= 0) return;
    const condition = this.condition(depth);
    this.connect(from, condition, handle);
    if (budget === 1 || depth >= 3 || this.rng.chance(0.35)) {
      // A leaf condition: its actions fan out from "yes" (sometimes one on "no", sometimes chained).
      let onNo = budget >= 2 && this.rng.chance(0.35) ? 1 : 0;
      let previous: string | undefined;
      for (let placed = 0; placed < budget; placed++) {
        const target = this.action(depth + 1);
        if (onNo > 0) {
          this.connect(condition, target, 'no');
          onNo--;
        } else if (previous && this.rng.chance(0.3)) {
          this.connect(previous, target); // action → action: same reach as its predecessor
        } else {
          this.connect(condition, target, 'yes');
        }
        previous = target;
      }
      return;
    }
    // An inner condition: maybe one action right on "yes", then sub-branches on "yes" and "no".
    let remaining = budget;
    if (this.rng.chance(0.5)) {
      this.connect(condition, this.action(depth + 1), 'yes');
      remaining--;
    }
    const onNo = remaining >= 2 && this.rng.chance(0.4) ? this.rng.int(1, Math.floor(remaining / 2)) : 0;
    this.grow(condition, 'yes', remaining - onNo, depth + 1);
    this.grow(condition, 'no', onNo, depth + 1);
  }
}

/** Routing workflows holding exactly `totalRules` action nodes (one compiled rule each), 1–8 per workflow. */
export function generateRoutingWorkflows(totalRules: number, seed = 1): WorkflowInput[] {
  const rng = createRng(seed);
  const workflows: WorkflowInput[] = [];
  let remaining = totalRules;
  while (remaining > 0) {
    const size = Math.min(remaining, rng.int(1, 8));
    remaining -= size;
    const builder = new GraphBuilder(rng);
    const channels = rng.chance(0.25) ? rng.sample(rng.chance(0.5) ? PUBLIC_CHANNELS : CHANNELS, rng.int(2, 5)) : [];
    const trigger = builder.add('routing_trigger', { channels }, 0);
    let budget = size;
    // Now and then a catch-all action straight off the trigger (a default route or tag).
    if (budget >= 2 && rng.chance(0.15)) {
      builder.connect(trigger, builder.add('route', { queue: 'general', rank: 1000 }, 1));
      budget--;
    }
    // One or two top-level branches.
    const split = budget >= 4 && rng.chance(0.4) ? rng.int(1, budget - 1) : budget;
    builder.grow(trigger, undefined, split, 1);
    builder.grow(trigger, undefined, budget - split, 1);
    const number = String(workflows.length + 1).padStart(3, '0');
    workflows.push({
      id: `bench-${totalRules}-${number}`,
      name: `Bench routing ${totalRules}/${number}`,
      kind: 'routing',
      description: `Synthetic routing workflow with ${size} actions.`,
      graph: { nodes: builder.nodes, edges: builder.edges },
    });
  }
  return workflows;
}

/** Compile every workflow; throws with the problems if any does not compile. */
export function compileRuleSet(workflows: readonly WorkflowInput[]): CompiledWorkflow[] {
  return workflows.map((workflow) => {
    const result = compileWorkflow(workflow);
    if (!result.ok) {
      const problems = result.problems.map((found) => `  ${found.code}: ${found.message}${found.nodeId ? ` [${found.nodeId}]` : ''}`);
      throw new Error(`workflow ${workflow.id} does not compile:\n${problems.join('\n')}`);
    }
    return result.workflow;
  });
}

/** A rule set of exactly `totalRules` compiled rules; throws if the count is off. */
export function generateRuleSet(totalRules: number, seed = 1): { workflows: WorkflowInput[]; compiled: CompiledWorkflow[] } {
  const workflows = generateRoutingWorkflows(totalRules, seed);
  const compiled = compileRuleSet(workflows);
  const rules = compiled.reduce((sum, workflow) => sum + workflow.rules.length, 0);
  if (rules !== totalRules) throw new Error(`expected ${totalRules} rules, compiled ${rules}`);
  return { workflows, compiled };
}
