// Keyboard shortcuts of the canvas, declared once: the handler and the help panel both read this list.
export interface Shortcut {
  readonly keys: string;
  readonly does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', does: 'Show or hide this help' },
  { keys: 'Ctrl/⌘ + S', does: 'Save the draft' },
  { keys: 'Ctrl/⌘ + Z', does: 'Undo' },
  { keys: 'Ctrl/⌘ + Y  or  Ctrl/⌘ + Shift + Z', does: 'Redo' },
  { keys: 'Ctrl/⌘ + C', does: 'Copy the selected nodes' },
  { keys: 'Ctrl/⌘ + V', does: 'Paste' },
  { keys: 'Ctrl/⌘ + D', does: 'Duplicate the selected nodes' },
  { keys: 'Ctrl/⌘ + A', does: 'Select every node' },
  { keys: 'Delete  or  Backspace', does: 'Delete the selected nodes and connections' },
  { keys: 'L', does: 'Lay the workflow out left to right' },
  { keys: 'F', does: 'Fit the workflow in view' },
  { keys: 'Escape', does: 'Clear the selection, close the comparison' },
  { keys: 'Shift + drag', does: 'Select several nodes with a box' },
  { keys: 'Ctrl/⌘ + click', does: 'Add a node to the selection' },
  { keys: 'Arrow keys', does: 'Move the focused node (Tab moves focus between nodes)' },
];
