import { describe, expect, it } from 'vitest';
import type { EmpowermentRequest } from '../packages/engine/src/index.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { engineFor } from './support/engine.ts';

const limits = workflow(
  'limits',
  'empowerment',
  [
    trigger('empowerment'),
    condition('over-agent', [['request.amount', 'greaterThan', 50]]),
    node('senior', 'require_approval', { role: 'senior', reason: 'over 50 EUR' }),
    condition('over-senior', [['request.amount', 'greaterThan', 200]]),
    node('supervisor', 'require_approval', { role: 'supervisor', reason: 'over 200 EUR' }),
    condition('exception', [['request.remedy', 'equal', 'policy_exception']]),
    node('exception-senior', 'require_approval', { role: 'senior', reason: 'policy exceptions need a senior' }),
  ],
  [
    edge('start', 'over-agent'),
    edge('over-agent', 'senior', 'yes'),
    edge('over-agent', 'over-senior', 'yes'),
    edge('over-senior', 'supervisor', 'yes'),
    edge('start', 'exception'),
    edge('exception', 'exception-senior', 'yes'),
  ],
);

const request = (overrides: Partial<EmpowermentRequest>): EmpowermentRequest => ({
  id: 'r1',
  agentTier: 'agent',
  remedy: 'refund',
  amount: 20,
  currency: 'EUR',
  customerTier: 'standard',
  ...overrides,
});

describe('empowerment checks', () => {
  const engine = engineFor([limits]);

  it('allows what is within the agent’s limit', () => {
    expect(engine.checkEmpowerment(request({ amount: 40 }))).toMatchObject({ requestId: 'r1', allowed: true, requiresApproval: null });
  });

  it('requires the lowest tier whose limit covers the amount', () => {
    expect(engine.checkEmpowerment(request({ amount: 120 }))).toMatchObject({ allowed: false, requiresApproval: 'senior', reason: 'over 50 EUR' });
    expect(engine.checkEmpowerment(request({ amount: 500 }))).toMatchObject({ allowed: false, requiresApproval: 'supervisor' });
  });

  it('lets a higher tier grant what it may approve itself', () => {
    expect(engine.checkEmpowerment(request({ amount: 120, agentTier: 'senior' }))).toMatchObject({ allowed: true, requiresApproval: null });
    expect(engine.checkEmpowerment(request({ amount: 500, agentTier: 'senior' }))).toMatchObject({ allowed: false, requiresApproval: 'supervisor' });
  });

  it('policy exceptions need a senior whatever the amount', () => {
    expect(engine.checkEmpowerment(request({ remedy: 'policy_exception', amount: 0 }))).toMatchObject({ allowed: false, requiresApproval: 'senior' });
  });

  it('explains the decision with json-rules-engine traces', async () => {
    const explanation = await engine.explainEmpowerment(request({ amount: 120 }));
    expect(explanation.decision.requiresApproval).toBe('senior');
    expect(explanation.rules.find((rule) => rule.nodeId === 'senior')!.fired).toBe(true);
  });
});
