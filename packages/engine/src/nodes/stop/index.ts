// Stop: the end of a path; nothing after it runs.
import { z } from 'zod';
import { WORKFLOW_KINDS } from '../../workflow/workflow-kind.ts';
import type { StopNodeSpec } from '../node-spec.ts';

export const stop: StopNodeSpec<Record<string, never>> = {
  kind: 'stop',
  category: 'stop',
  label: 'Stop',
  description: 'End this path.',
  dataSchema: z.strictObject({}),
  defaults: {},
  fields: [],
  outputs: [],
  workflowKinds: WORKFLOW_KINDS,
  summarize: () => 'stop',
};
