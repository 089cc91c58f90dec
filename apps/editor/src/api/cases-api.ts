// /api/workflows/:id/cases: regression cases of a workflow (a mention and the decision it must keep), and running them.
import type { Decision, Mention, PackExpectation } from '@mentionflow/engine';
import { request } from './http.ts';

export interface RegressionCase {
  readonly id: string;
  readonly workflowId: string;
  readonly name: string;
  readonly mention: Mention;
  /** The virtual clock the case runs at (escalations run too). */
  readonly now?: string;
  readonly expect: PackExpectation;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

export interface NewRegressionCase {
  readonly name: string;
  readonly mention: unknown;
  readonly now?: string;
  readonly expect: PackExpectation;
}

export interface CaseResult {
  readonly caseId: string;
  readonly name: string;
  readonly passed: boolean;
  /** Each way the decision differs from what the case expects, in words. */
  readonly failures: readonly string[];
  readonly decision: Decision;
}

/** What a publish refused by failing cases (409 `regression_cases`) lists in `details.failing`. */
export type FailingCase = Pick<CaseResult, 'caseId' | 'name' | 'failures'>;

const base = (workflowId: string) => `/api/workflows/${encodeURIComponent(workflowId)}/cases`;

export const casesApi = {
  list: (workflowId: string) => request<{ cases: RegressionCase[] }>('GET', base(workflowId)).then((body) => body.cases),
  create: (workflowId: string, input: NewRegressionCase) => request<RegressionCase>('POST', base(workflowId), input),
  remove: (workflowId: string, caseId: string) => request<unknown>('DELETE', `${base(workflowId)}/${encodeURIComponent(caseId)}`),
  run: (workflowId: string) => request<{ results: CaseResult[] }>('POST', `${base(workflowId)}/run`).then((body) => body.results),
};
