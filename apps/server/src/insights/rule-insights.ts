// Which rules fire: hits per workflow and node in the range (ingest and escalation decisions, from their counters), the
// published action nodes that never fired, and the static warnings about the published rules. Empowerment
// checks and proactive runs on resolution are not stored as decisions: empowerment workflows are left out, and a
// node that only fires on resolution shows as never fired.
import { analyzeRules, type CompiledWorkflow } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { ESCALATION_HITS, RULE_HITS, countedRows } from './counters.ts';
import type { InsightRange } from './insight-query.ts';
import type { Rules } from './insight-schemas.ts';

interface WorkflowRow {
  readonly id: string;
  readonly name: string;
  readonly published_version: number | null;
  readonly rules: string | null;
}

export async function rulesInsight(services: Services, range: InsightRange): Promise<Rules> {
  const { client } = services.database;
  const ingest = countedRows(RULE_HITS, range, ['workflow_id', 'node_id', 'hits']);
  const escalations = countedRows(ESCALATION_HITS, range, ['workflow_id', 'node_id', 'hits']);
  const hitRows = await client.execute({
    sql: `SELECT workflow_id, node_id, sum(hits) AS hits FROM (${ingest.sql} UNION ALL ${escalations.sql}) GROUP BY 1, 2 HAVING sum(hits) > 0`,
    args: [...ingest.args, ...escalations.args],
  });
  const hits = new Map<string, Map<string, number>>();
  for (const row of hitRows.rows) {
    const workflowId = String(row.workflow_id);
    const nodes = hits.get(workflowId) ?? new Map<string, number>();
    nodes.set(String(row.node_id), Number(row.hits));
    hits.set(workflowId, nodes);
  }

  const workflowRows = (
    await client.execute(
      `SELECT w.id, w.name, w.published_version, v.rules FROM workflows w
       LEFT JOIN workflow_versions v ON v.workflow_id = w.id AND v.version = w.published_version ORDER BY w.id`,
    )
  ).rows as unknown as WorkflowRow[];
  // In the engine's order (by workflow id), as the rule book hands them over: analysis breaks ties by it.
  const published = workflowRows.filter((row) => row.rules !== null).map((row) => JSON.parse(row.rules!) as CompiledWorkflow);
  const counted = published.filter((workflow) => workflow.kind !== 'empowerment');
  const actionNodes = new Map(counted.map((workflow) => [workflow.workflowId, workflow.rules.map((rule) => rule.event.params.nodeId)]));
  const names = new Map(workflowRows.map((row) => [row.id, row]));

  const ids = [...new Set([...actionNodes.keys(), ...hits.keys()])].sort();
  const workflows = ids.map((workflowId) => {
    const counts = hits.get(workflowId) ?? new Map<string, number>();
    const actions = actionNodes.get(workflowId) ?? [];
    for (const nodeId of actions) if (!counts.has(nodeId)) counts.set(nodeId, 0);
    const nodes = [...counts].map(([nodeId, count]) => ({ nodeId, hits: count })).sort((a, b) => b.hits - a.hits || (a.nodeId < b.nodeId ? -1 : 1));
    const row = names.get(workflowId);
    return {
      workflowId,
      name: row?.name ?? workflowId,
      publishedVersion: row?.published_version === null || row?.published_version === undefined ? null : Number(row.published_version),
      hits: nodes.reduce((sum, node) => sum + node.hits, 0),
      nodes,
      neverFired: actions.filter((nodeId) => counts.get(nodeId) === 0).sort(),
    };
  });
  return { workflows, warnings: analyzeRules(published) as unknown as Rules['warnings'] };
}
