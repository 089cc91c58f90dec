// Static analysis in the browser: the open workflow's draft, compiled, analysed with every other published workflow
// as the engine will run them together, and the warnings that concern the draft (on its nodes, or pointing at them).
import { analyzeRules, compileWorkflow, type CompiledWorkflow, type RuleWarning } from '@mentionflow/engine';
import { request } from '../../api/http.ts';
import { workflowsApi } from '../../api/workflows-api.ts';

/** The published rules of every workflow but `exceptId`, in the order the server's rule book loads them (by id). */
export async function loadPublishedRules(exceptId: string, signal?: AbortSignal): Promise<CompiledWorkflow[]> {
  const workflows = await workflowsApi.list(signal);
  const published = workflows.filter((workflow) => workflow.id !== exceptId && workflow.publishedVersion !== null);
  const versions = await Promise.all(
    published.map((workflow) =>
      request<{ compiled?: CompiledWorkflow }>('GET', `/api/workflows/${encodeURIComponent(workflow.id)}/versions/${workflow.publishedVersion}`, undefined, signal),
    ),
  );
  return versions.flatMap((version) => (version.compiled ? [version.compiled] : []));
}

/** The draft in its published version's place, ordered by workflow id as the rule book orders them (ties depend on it). */
export function withDraft(published: readonly CompiledWorkflow[], draft: CompiledWorkflow): CompiledWorkflow[] {
  return [...published.filter((workflow) => workflow.workflowId !== draft.workflowId), draft].sort((a, b) =>
    a.workflowId < b.workflowId ? -1 : a.workflowId > b.workflowId ? 1 : 0,
  );
}

/** Warnings on the workflow's own nodes first, then those of other workflows that name its nodes. */
export function warningsFor(warnings: readonly RuleWarning[], workflowId: string): RuleWarning[] {
  const own = warnings.filter((warning) => warning.workflowId === workflowId);
  const pointing = warnings.filter((warning) => warning.workflowId !== workflowId && warning.relatedNodes.some((ref) => ref.workflowId === workflowId));
  return [...own, ...pointing];
}

export interface DraftInput {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description?: string;
  readonly graph: unknown;
}

/**
 * The warnings for a draft among the published workflows. A draft with errors has no rules to analyse: its errors
 * come first, and this returns no warnings until they are fixed.
 */
export function draftWarnings(draft: DraftInput, parameters: Readonly<Record<string, unknown>>, published: readonly CompiledWorkflow[]): RuleWarning[] {
  const compiled = compileWorkflow(draft, { parameters });
  if (!compiled.ok) return [];
  return warningsFor(analyzeRules(withDraft(published, compiled.workflow)), draft.id);
}
