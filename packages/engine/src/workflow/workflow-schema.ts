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

export const PositionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const GraphNodeSchema = z.strictObject({
  id: IdSchema,
  type: z.string().min(1).max(100),
  position: PositionSchema,
  data: z.record(z.string(), z.unknown()),
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
