// Create a workflow from blank: a name, an id, a kind; it starts with that kind's trigger node.
import { useState, type FormEvent } from 'react';
import { IdSchema, NODE_SPECS, WORKFLOW_KINDS, type NodeSpec, type WorkflowKind } from '@mentionflow/engine';
import { workflowsApi } from '../../api/workflows-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { navigate, workflowPath } from '../../app/router.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SubmitActions } from '../../ui/DialogActions.tsx';
import { slugify } from '../../editor/graph/ids.ts';

export function triggerFor(kind: WorkflowKind): NodeSpec {
  return Object.values(NODE_SPECS).find((spec: NodeSpec) => spec.category === 'trigger' && spec.workflowKinds.includes(kind))!;
}

export default function NewWorkflowDialog({ onClose, takenIds }: { onClose: () => void; takenIds: ReadonlySet<string> }) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [kind, setKind] = useState<WorkflowKind>('routing');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const effectiveId = idEdited ? id : slugify(name);
  const idProblem = !effectiveId
    ? 'an id is needed'
    : !IdSchema.safeParse(effectiveId).success
      ? 'letters, digits, "_", "-" and "." only, starting with a letter or digit'
      : takenIds.has(effectiveId)
        ? 'another workflow already has this id'
        : null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || idProblem) return;
    setBusy(true);
    setError(null);
    const trigger = triggerFor(kind);
    try {
      await workflowsApi.create({
        id: effectiveId,
        name: name.trim(),
        kind,
        description: description.trim(),
        graph: { nodes: [{ id: 'start', type: trigger.kind, position: { x: 0, y: 0 }, data: structuredClone(trigger.defaults) as Record<string, unknown> }], edges: [] },
      });
      onClose();
      navigate(workflowPath(effectiveId));
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title="New workflow" open onClose={onClose}>
      <form onSubmit={create} className="form-grid">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required autoFocus placeholder="e.g. Refund requests" />
        </label>
        <label>
          Id
          <input
            value={effectiveId}
            onChange={(event) => (setIdEdited(true), setId(event.target.value))}
            aria-invalid={Boolean(name && idProblem)}
            aria-describedby="new-workflow-id-help"
          />
          <small id="new-workflow-id-help" className={name && idProblem ? 'field-error' : 'help'}>
            {name && idProblem ? idProblem : 'A stable key used in URLs and rules; it never changes.'}
          </small>
        </label>
        <fieldset className="kind-choices">
          <legend>Kind</legend>
          {WORKFLOW_KINDS.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              <span>
                <strong>{value}</strong> — {triggerFor(value).description}
              </span>
            </label>
          ))}
        </fieldset>
        <label>
          Description (optional)
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={2} />
        </label>
        <SubmitActions error={error} busy={busy} disabled={!name.trim() || Boolean(idProblem)} label="Create and open" busyLabel="Creating…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
