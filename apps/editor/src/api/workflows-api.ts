// /api/workflows: the shapes the server returns (apps/server/src/domain/workflow-store.ts) and the calls the editor makes.
import type { Graph, Problem, WorkflowDiff, WorkflowKind } from '@mentionflow/engine';
import { request } from './http.ts';

export type WorkflowStatus = 'draft' | 'published' | 'draft_ahead';

export interface WorkflowSummary {
  id: string;
  name: string;
  kind: WorkflowKind;
  description: string;
  version: number;
  status: WorkflowStatus;
  publishedVersion: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  packId: string | null;
  packVersion: string | null;
  locallyModified: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface WorkflowDetail extends WorkflowSummary {
  graph: Graph;
  problems: Problem[];
}

export interface VersionSummary {
  version: number;
  name: string;
  note: string;
  publishedAt: string;
  publishedBy: string | null;
  rolledBackFrom: number | null;
}

export interface VersionDetail extends VersionSummary {
  graph: Graph;
  description: string;
}

/** Details of a 409 `version_conflict`: who saved first, and when. */
export interface VersionConflict {
  yourVersion: number;
  currentVersion: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

const base = (id: string) => `/api/workflows/${encodeURIComponent(id)}`;

export const workflowsApi = {
  list: (signal?: AbortSignal) => request<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows', undefined, signal).then((body) => body.workflows),
  get: (id: string) => request<WorkflowDetail>('GET', base(id)),
  create: (input: { id: string; name: string; kind: WorkflowKind; description: string; graph: Graph }) =>
    request<WorkflowDetail>('POST', '/api/workflows', input),
  save: (id: string, body: { version: number; name?: string; description?: string; graph: Graph }) => request<WorkflowDetail>('PUT', base(id), body),
  /** `acknowledgeCases` publishes even though regression cases would change (a 409 `regression_cases` lists them). */
  publish: (id: string, note: string, version?: number, options: { acknowledgeCases?: boolean } = {}) =>
    request<VersionSummary>('POST', `${base(id)}/publish`, { note, ...(version === undefined ? {} : { version }), ...(options.acknowledgeCases ? { acknowledgeCases: true } : {}) }),
  versions: (id: string) => request<{ versions: VersionSummary[] }>('GET', `${base(id)}/versions`).then((body) => body.versions),
  version: (id: string, version: number) => request<VersionDetail>('GET', `${base(id)}/versions/${version}`),
  diff: (id: string, from: number | 'draft', to: number | 'draft') => request<WorkflowDiff>('GET', `${base(id)}/diff?from=${from}&to=${to}`),
  rollback: (id: string, version: number, note: string) => request<VersionSummary>('POST', `${base(id)}/rollback`, { version, note }),
};
