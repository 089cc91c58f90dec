// From fired empowerment rules to an answer for the agent: allowed, or who must approve.
// Each `require_approval` names the tier that must approve; the highest one named decides, and a request
// is allowed when the asking agent's own tier is at least that high (or no rule asks for approval).
import type { FiredRule } from '../executor/fired-rule.ts';
import { agentTierRank, type EmpowermentRequest } from '../evaluation/empowerment-request-schema.ts';
import type { EmpowermentDecision } from './decision-schema.ts';

export function decideEmpowerment(request: EmpowermentRequest, fired: readonly FiredRule[]): EmpowermentDecision {
  const approvals = fired.filter((rule) => rule.action.type === 'require_approval');
  let strictest: FiredRule | undefined;
  for (const rule of approvals) {
    if (!strictest || agentTierRank(rule.action.role as string) > agentTierRank(strictest.action.role as string)) strictest = rule;
  }
  const refs = fired.map(({ workflowId, version, ruleId, nodeId }) => ({ workflowId, ...(version !== undefined ? { version } : {}), ruleId, nodeId }));
  const ownRank = agentTierRank(request.agentTier);
  if (!strictest || agentTierRank(strictest.action.role as string) <= ownRank) {
    return {
      requestId: request.id,
      allowed: true,
      requiresApproval: null,
      reason: strictest
        ? `within ${article(request.agentTier)} ${request.agentTier}'s authority (${strictest.action.reason as string})`
        : `within ${article(request.agentTier)} ${request.agentTier}'s limits`,
      fired: refs,
    };
  }
  return {
    requestId: request.id,
    allowed: false,
    requiresApproval: strictest.action.role as string,
    reason: strictest.action.reason as string,
    fired: refs,
  };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
