// An action in a decision: the stable vocabulary integrations receive. Its shapes come from the action node specs.
import type { ActionKind } from '../nodes/node-kinds.ts';

/** One action of a decision, e.g. `{ type: 'route', queue: 'billing' }`. */
export type Action = { type: ActionKind } & Record<string, unknown>;

/** A stable identity for deduplicating actions (same type and same parameters). */
export function actionKey(action: Action): string {
  return JSON.stringify(action, Object.keys(action).sort());
}
