// What the editor asks of the server: save the draft (refusing to overwrite someone else's save), reload, publish,
// roll back and compare. Each reports through the store; none throws at its caller.
import { ApiRequestError } from '../api/http.ts';
import { workflowsApi, type VersionConflict } from '../api/workflows-api.ts';
import type { FailingCase } from '../api/cases-api.ts';
import { graphOf, type EditorStore } from './store/editor-store.ts';
import { buildDiffView } from './store/diff-view.ts';

const messageOf = (error: unknown): string => (error instanceof ApiRequestError ? error.message : String(error));

/** Save the draft with the version it was loaded at; on 409 nothing is overwritten and the store says who saved first. */
export async function saveDraft(store: EditorStore): Promise<boolean> {
  const state = store.getState();
  if (state.saveState.status === 'saving') return false;
  if (state.saveState.status === 'conflict') return false; // the user must choose: reload, or keep editing unsaved
  const revision = state.revision;
  state.actions.setSaveState({ status: 'saving' });
  try {
    const detail = await workflowsApi.save(state.workflow.id, {
      version: state.workflow.version,
      name: state.workflow.name.trim() || state.workflow.id,
      description: state.workflow.description,
      graph: graphOf(state),
    });
    store.getState().actions.loaded(detail, { keepScene: true, revision });
    return true;
  } catch (error) {
    const actions = store.getState().actions;
    if (error instanceof ApiRequestError && error.code === 'version_conflict') {
      actions.setSaveState({ status: 'conflict', conflict: error.details as VersionConflict, message: error.message });
    } else {
      actions.setSaveState({ status: 'error', message: messageOf(error) });
    }
    return false;
  }
}

/** Replace the canvas with the server's draft (after a conflict, or a rollback). Unsaved edits are dropped. */
export async function reloadDraft(store: EditorStore): Promise<boolean> {
  try {
    const detail = await workflowsApi.get(store.getState().workflow.id);
    store.getState().actions.loaded(detail);
    return true;
  } catch (error) {
    store.getState().actions.setSaveState({ status: 'error', message: `Reloading failed: ${messageOf(error)}` });
    return false;
  }
}

export type CommandResult =
  | { ok: true; message: string }
  | { ok: false; message: string; problems?: readonly { message: string }[]; /** Regression cases the draft would change (publish refused until acknowledged). */ failingCases?: readonly FailingCase[] };

/**
 * Save when needed, then publish exactly the saved version (the server refuses if it changed meanwhile). Failing
 * regression cases refuse it too, unless `acknowledgeCases` says the admin accepted their new decisions.
 */
export async function publishDraft(store: EditorStore, note: string, options: { acknowledgeCases?: boolean } = {}): Promise<CommandResult> {
  const before = store.getState();
  if (before.revision !== before.savedRevision && !(await saveDraft(store))) {
    const saveState = store.getState().saveState;
    return { ok: false, message: saveState.status === 'conflict' || saveState.status === 'error' ? saveState.message : 'Saving failed; nothing was published.' };
  }
  const { workflow, actions } = store.getState();
  try {
    const published = await workflowsApi.publish(workflow.id, note, workflow.version, options);
    const detail = await workflowsApi.get(workflow.id);
    actions.setStatus(detail);
    return { ok: true, message: `Published version ${published.version}.` };
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'regression_cases') {
      const failing = (error.details as { failing?: FailingCase[] } | undefined)?.failing ?? [];
      return { ok: false, message: `${failing.length} regression case${failing.length === 1 ? '' : 's'} would change with this draft; nothing was published.`, failingCases: failing };
    }
    const problems = (error instanceof ApiRequestError && (error.details as { problems?: { message: string }[] } | undefined)?.problems) || undefined;
    return { ok: false, message: messageOf(error), ...(problems ? { problems } : {}) };
  }
}

/** Publish a copy of an old version; the draft becomes that version too, so the canvas reloads. */
export async function rollBack(store: EditorStore, version: number, note: string): Promise<CommandResult> {
  const { workflow } = store.getState();
  try {
    const published = await workflowsApi.rollback(workflow.id, version, note);
    await reloadDraft(store);
    return { ok: true, message: `Rolled back: version ${published.version} is a copy of version ${version} and is live.` };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Show what changed between two versions ('draft' is the canvas as it is now, unsaved edits included). */
export async function compareVersions(store: EditorStore, from: number | 'draft', to: number | 'draft'): Promise<CommandResult> {
  const state = store.getState();
  const side = async (which: number | 'draft') => {
    if (which === 'draft') return { name: state.workflow.name, description: state.workflow.description, graph: graphOf(state) };
    const version = await workflowsApi.version(state.workflow.id, which);
    return { name: version.name, description: version.description, graph: version.graph };
  };
  try {
    const [before, after] = await Promise.all([side(from), side(to)]);
    const label = (which: number | 'draft') => (which === 'draft' ? 'your draft' : `v${which}`);
    store.getState().actions.setDiffView(buildDiffView(`${label(from)} → ${label(to)}`, before, after));
    return { ok: true, message: 'Comparison shown on the canvas.' };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
