// How a workflow's publishing status reads: "Draft", "Published v3", "Draft ahead of v3".
import type { WorkflowSummary } from '../../api/workflows-api.ts';

export function statusText(workflow: Pick<WorkflowSummary, 'status' | 'publishedVersion'>): string {
  switch (workflow.status) {
    case 'published':
      return `Published v${workflow.publishedVersion}`;
    case 'draft_ahead':
      return `Draft ahead of v${workflow.publishedVersion}`;
    default:
      return 'Draft';
  }
}

/** Longer words for a tooltip or a screen reader. */
export function statusExplanation(workflow: Pick<WorkflowSummary, 'status' | 'publishedVersion'>): string {
  switch (workflow.status) {
    case 'published':
      return `Live: version ${workflow.publishedVersion} decides mentions, and the draft is the same.`;
    case 'draft_ahead':
      return `Version ${workflow.publishedVersion} is live; the draft has changes not published yet.`;
    default:
      return 'Never published: it decides nothing yet.';
  }
}
