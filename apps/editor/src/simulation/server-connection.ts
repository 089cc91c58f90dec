// How the workbench on the canvas page reaches the server: the comparison streams from /api/simulate/compare with
// this workflow's draft as the candidate — the saved draft, or the canvas as it is when it has unsaved changes —
// and a row is explained, or saved as a regression case, with the candidate its run used. One per editor store.
import type { Workflow } from '@mentionflow/engine';
import { casesApi } from '../api/cases-api.ts';
import { compareBody, simulationApi, type Candidate } from '../api/simulation-api.ts';
import { graphOf, type EditorState, type EditorStore } from '../editor/store/editor-store.ts';
import type { SaveCaseInput } from './cases/SaveCaseDialog.tsx';
import type { CompareRow, OnExplain, OnRun, RunRequest } from './compare-types.ts';
import { findMention } from './mention-lookup.ts';

export interface SimulationConnection {
  readonly onRun: OnRun;
  readonly onExplain: OnExplain;
  saveCase(row: CompareRow, request: RunRequest, input: SaveCaseInput): Promise<void>;
}

/** Unsaved edits run as they are on screen (nothing is saved behind the admin's back); else the stored draft. */
export function candidateOf(state: Pick<EditorState, 'workflow' | 'nodes' | 'edges' | 'revision' | 'savedRevision'>): Candidate {
  const { workflow } = state;
  if (state.revision === state.savedRevision) return { workflowId: workflow.id };
  const draft: Workflow = { id: workflow.id, name: workflow.name.trim() || workflow.id, kind: workflow.kind, description: workflow.description, graph: graphOf(state) };
  return { workflows: [draft] };
}

const connections = new WeakMap<EditorStore, SimulationConnection>();

export function serverConnection(editor: EditorStore): SimulationConnection {
  const known = connections.get(editor);
  if (known) return known;
  // The candidate of the last run: explanations and cases of its rows must use the same rules.
  let lastCandidate: Candidate | null = null;
  const connection: SimulationConnection = {
    onRun: (request, handlers) => {
      lastCandidate = candidateOf(editor.getState());
      return simulationApi.compare(compareBody(request, lastCandidate), handlers);
    },
    onExplain: async (row, request) => {
      const mention = await findMention(row, request.source);
      const candidate = lastCandidate ?? candidateOf(editor.getState());
      return simulationApi.explain({ mention, candidate, ...(request.now ? { now: request.now } : {}) });
    },
    saveCase: async (row, request, input) => {
      const mention = await findMention(row, request.source);
      await casesApi.create(editor.getState().workflow.id, { name: input.name, mention, expect: input.expect, ...(request.now ? { now: request.now } : {}) });
    },
  };
  connections.set(editor, connection);
  return connection;
}
