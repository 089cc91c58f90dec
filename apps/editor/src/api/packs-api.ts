// /api/packs: installed packs (for their parameter values), and preview/import of a pack file.
import type { WorkflowDiff } from '@mentionflow/engine';
import { request } from './http.ts';

export interface InstalledPack {
  id: string;
  name: string;
  version: string;
  description: string;
  parameters: Record<string, unknown>;
  definitions: Record<string, { type: string; label: string; description: string; default: unknown; options?: string[]; min?: number; max?: number }>;
  workflows: string[];
  installedAt: string;
  updatedAt: string;
}

export type WorkflowPlan = 'add' | 'replace' | 'unchanged' | 'keep_local';

export interface PackPreview {
  pack: { id: string; name: string; version: string; installedVersion: string | null; status: 'new' | 'same' | 'upgrade' };
  parameters: Record<string, unknown>;
  workflows: { id: string; name: string; plan: WorkflowPlan; diff?: WorkflowDiff }[];
  retired: string[];
  effect: {
    mentions: number;
    changed: number;
    examples: { mentionId: string; before: { queue: string | null; priority: string }; after: { queue: string | null; priority: string } }[];
  };
}

/** A 422 from preview/import lists every problem of the pack (the engine's PackProblem) with its JSON path. */
export type { PackProblem } from '@mentionflow/engine';

export const packsApi = {
  list: () => request<{ packs: InstalledPack[] }>('GET', '/api/packs').then((body) => body.packs),
  get: (id: string) => request<InstalledPack>('GET', `/api/packs/${encodeURIComponent(id)}`),
  preview: (pack: unknown, parameters: Record<string, unknown>) => request<PackPreview>('POST', '/api/packs/preview', { pack, parameters }),
  import: (pack: unknown, parameters: Record<string, unknown>) => request<PackPreview>('POST', '/api/packs/import', { pack, parameters }),
};
