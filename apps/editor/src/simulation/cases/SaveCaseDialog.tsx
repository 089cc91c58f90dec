// Save a simulated mention as a regression case of the workflow: a name, and the decision it must keep — the
// draft's or the published one to start from, each field editable or left unchecked.
import { PRIORITIES } from '@mentionflow/engine';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { DoneActions, SubmitActions } from '../../ui/DialogActions.tsx';
import { TagsInput } from '../../ui/TagsInput.tsx';
import type { CompareRow } from '../compare-types.ts';
import type { Side } from '../store/simulation-store.ts';
import { draftFromDecision, expectationOf, type ExpectationDraft } from './expectation.ts';
import type { PackExpectation } from '@mentionflow/engine';

export interface SaveCaseInput {
  readonly name: string;
  readonly expect: PackExpectation;
}

const slug = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '-');

export function SaveCaseDialog({ row, onSave, onClose }: { row: CompareRow; onSave: (input: SaveCaseInput) => Promise<void>; onClose: () => void }) {
  const [from, setFrom] = useState<Side>('after');
  const [draft, setDraft] = useState<ExpectationDraft>(() => draftFromDecision(row.after));
  const [name, setName] = useState(() => `${row.mentionId}: ${row.text.slice(0, 60)}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const update = (changes: Partial<ExpectationDraft>) => setDraft({ ...draft, ...changes });
  const startFrom = (side: Side) => {
    setFrom(side);
    setDraft(draftFromDecision(side === 'after' ? row.after : row.before));
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ name: name.trim(), expect: expectationOf(draft) });
      setSaved(true);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <Dialog title="Save as a regression case" open onClose={onClose}>
        <DoneActions message={<>Saved “{name.trim()}”. Publishing checks it from now on; see the Cases tab.</>} onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog title="Save as a regression case" open onClose={onClose}>
      <form className="form-grid" onSubmit={save}>
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={300} />
        </label>
        <fieldset className="field-group segmented">
          <legend>Start from the decision of</legend>
          {(['after', 'before'] as const).map((side) => (
            <label key={side} className="choice">
              <input type="radio" name="case-from" checked={from === side} onChange={() => startFrom(side)} />
              <span>{side === 'after' ? 'your draft' : 'the published version'}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="field-group case-expect">
          <legend>Expected decision (checked fields only)</legend>
          <label className="choice">
            <input type="checkbox" checked={draft.checkQueue} onChange={(event) => update({ checkQueue: event.target.checked })} />
            <span>Queue</span>
          </label>
          <input aria-label="Expected queue" value={draft.queue} disabled={!draft.checkQueue} onChange={(event) => update({ queue: slug(event.target.value) })} placeholder="empty: no queue" />
          <label className="choice">
            <input type="checkbox" checked={draft.checkPriority} onChange={(event) => update({ checkPriority: event.target.checked })} />
            <span>Priority</span>
          </label>
          <select aria-label="Expected priority" value={draft.priority} disabled={!draft.checkPriority} onChange={(event) => update({ priority: event.target.value })}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority}
              </option>
            ))}
          </select>
          <label className="choice">
            <input type="checkbox" checked={draft.checkTags} onChange={(event) => update({ checkTags: event.target.checked })} />
            <span>Tags it must have</span>
          </label>
          <TagsInput label="Expected tags" values={draft.tags} onChange={(tags) => update({ tags, checkTags: true })} normalize={slug} />
          <label className="choice">
            <input type="checkbox" checked={draft.checkActions} onChange={(event) => update({ checkActions: event.target.checked })} />
            <span>Actions it must include</span>
          </label>
          <TagsInput label="Expected actions" values={draft.actions} onChange={(actions) => update({ actions, checkActions: true })} normalize={(text) => text.trim().toLowerCase().replace(/\s+/g, '_')} placeholder="e.g. escalate" />
        </fieldset>
        <SubmitActions error={error} busy={busy} disabled={!name.trim()} label="Save case" busyLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
