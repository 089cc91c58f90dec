// The workflow format: a graph of our own, close to React Flow's, keyed by stable ids. Declared once, here.
import { z } from 'zod';
import { WorkflowKindSchema } from './workflow-kind.ts';

/** Ids are stable keys (renaming a node never rewrites references), safe in URLs and rule names. */
export const IdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "-" and "." only, starting with a letter or digit');

/** Hard caps that bound parsing work; the compiler reports the softer product limit (see GRAPH_LIMITS). */
const NODES_HARD_MAX = 2000;
const EDGES_HARD_MAX = 4000;

/** Node data is a few levels deep (clauses, a value, terms by language); far deeper data is hostile and would
 *  overflow the stack of the code that walks it (parameter binding, diffs, JSON). */
const DATA_DEPTH_MAX = 20;

/** Whether objects or arrays nest more than `max` levels below `value` (iterative: the input may be very deep). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

export const PositionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const GraphNodeSchema = z.strictObject({
  id: IdSchema,
  type: z.string().min(1).max(100),
  position: PositionSchema,
  data: z
    .record(z.string(), z.unknown())
    .refine((data) => !nestsDeeperThan(data, DATA_DEPTH_MAX), `node data nests at most ${DATA_DEPTH_MAX} levels deep`),
});

export const GraphEdgeSchema = z.strictObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  sourceHandle: z.string().max(20).nullish(),
});

export const GraphSchema = z.strictObject({
  nodes: z.array(GraphNodeSchema).max(NODES_HARD_MAX),
  edges: z.array(GraphEdgeSchema).max(EDGES_HARD_MAX),
});

export const WorkflowSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  kind: WorkflowKindSchema,
  description: z.string().max(5000).default(''),
  graph: GraphSchema,
});

export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type Graph = z.infer<typeof GraphSchema>;
export type Workflow = z.infer<typeof WorkflowSchema>;
export type WorkflowInput = z.input<typeof WorkflowSchema>;

/** The product's limits on one workflow, reported as problems the editor shows. */
export const GRAPH_LIMITS = { nodes: 200, edges: 400, clausesPerCondition: 50 } as const;
