// Declared once at module scope: a new object on each render would make xyflow re-create every node.
import type { NodeTypes } from '@xyflow/react';
import { WORKFLOW_NODE_TYPE } from '../graph/flow-mapping.ts';
import { WorkflowNode } from './WorkflowNode.tsx';

export const nodeTypes: NodeTypes = { [WORKFLOW_NODE_TYPE]: WorkflowNode };
