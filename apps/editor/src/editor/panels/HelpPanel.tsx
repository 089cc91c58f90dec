// The keyboard shortcuts, from the one list the handler also reads.
import { Dialog } from '../../ui/Dialog.tsx';
import { SHORTCUTS } from '../shortcuts.ts';
import { useEditorActions, useEditorState } from '../store/use-editor.ts';

export function HelpPanel() {
  const open = useEditorState((state) => state.helpOpen);
  const actions = useEditorActions();
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={() => actions.setHelpOpen(false)}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">
        Clicking a node type in the palette adds it after the selected node, already connected (a condition’s “yes” first, then its “no”).
      </p>
    </Dialog>
  );
}
