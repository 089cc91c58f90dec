// "When a public mention contains a card number → move to private and tag pii": the paths that lead to a node,
// read as sentences, so a lead can check a branch without tracing wires.
import { findNodeSpec, type Graph } from '@mentionflow/engine';
import { summarizeNode } from './node-summary.ts';

const MAX_PATHS = 4;

interface Step {
  readonly nodeId: string;
  /** The handle the path leaves this node by (yes/no for conditions). */
  readonly handle: string | null;
}

/** Up to four sentences, one per path from the trigger to `nodeId`; empty when the node is not connected to a trigger. */
export function pathSentences(graph: Graph, nodeId: string): string[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, { source: string; handle: string | null }[]>();
  for (const edge of graph.edges) {
    const list = incoming.get(edge.target) ?? [];
    list.push({ source: edge.source, handle: edge.sourceHandle ?? null });
    incoming.set(edge.target, list);
  }
  const paths: Step[][] = [];
  // Walk backwards; each step records the handle the path leaves that node by.
  const walk = (id: string, path: Step[], seen: ReadonlySet<string>): void => {
    if (paths.length >= MAX_PATHS) return;
    const node = byId.get(id);
    if (!node) return;
    if (findNodeSpec(node.type)?.category === 'trigger') {
      paths.push(path);
      return;
    }
    for (const edge of incoming.get(id) ?? []) {
      if (seen.has(edge.source)) continue; // a loop is reported by validation; here it just ends the walk
      walk(edge.source, [{ nodeId: edge.source, handle: edge.handle }, ...path], new Set([...seen, edge.source]));
    }
  };
  walk(nodeId, [{ nodeId, handle: null }], new Set([nodeId]));
  const downstream = actionsAfter(graph, nodeId);
  return paths.map((path) => sentence(graph, path, downstream));
}

/** Actions that follow the node directly (through `out`, not through further conditions). */
function actionsAfter(graph: Graph, nodeId: string): string[] {
  const result: string[] = [];
  const seen = new Set([nodeId]);
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of graph.edges.filter((candidate) => candidate.source === id)) {
        const target = graph.nodes.find((node) => node.id === edge.target);
        if (!target || seen.has(target.id) || findNodeSpec(target.type)?.category !== 'action') continue;
        seen.add(target.id);
        result.push(target.id);
        next.push(target.id);
      }
    }
    frontier = next;
  }
  return result;
}

function sentence(graph: Graph, path: readonly Step[], downstream: readonly string[]): string {
  const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id)!;
  const conditions: string[] = [];
  let actions: string[] = [];
  let trigger = '';
  for (const step of path) {
    const { type, data } = node(step.nodeId);
    const category = findNodeSpec(type)?.category;
    const summary = summarizeNode(type, data);
    if (category === 'trigger') trigger = summary;
    else if (category === 'condition') {
      if (step.handle === 'no') conditions.push(`not (${summary})`);
      else if (step.handle === 'yes') conditions.push(summary);
      actions = []; // actions before a later condition do not depend on it
    } else if (category === 'action') actions.push(summary);
  }
  for (const id of downstream) actions.push(summarizeNode(node(id).type, node(id).data));
  const when = [trigger || 'When the workflow starts', ...conditions].join(' and ');
  return actions.length ? `${when} → ${actions.join(' and ')}` : when;
}
