// The engine a host runs: compiled workflows in, decisions out. Pure: the host supplies time, volumes and incidents.
import type { CompiledWorkflow } from './compiler/compile-workflow.ts';
import type { WorkflowKind } from './workflow/workflow-kind.ts';
import type { Mention } from './mention/mention-schema.ts';
import { DEFAULT_SETTINGS, type Settings } from './mention/settings-schema.ts';
import type { EvaluationInput, MentionEvent } from './evaluation/evaluation-input.ts';
import type { TicketState } from './evaluation/ticket-schema.ts';
import type { EmpowermentRequest } from './evaluation/empowerment-request-schema.ts';
import { FACT_CATALOG } from './facts/registry.ts';
import { FactScope } from './facts/fact-scope.ts';
import { prepareWorkspace, type Workspace } from './facts/workspace.ts';
import type { WorkingCalendar } from './time/working-calendar.ts';
import { VolumeQuerySchema, type VolumeQuery } from './facts/volume-query.ts';
import { CompiledProgram } from './executor/compiled-program.ts';
import { ReferenceExecutor } from './executor/reference-executor.ts';
import type { FiredRule } from './executor/fired-rule.ts';
import { decide } from './decision/decide.ts';
import { decideEmpowerment } from './decision/empowerment.ts';
import type { Decision, EmpowermentDecision } from './decision/decision-schema.ts';
import { traceRules, tracePaths } from './explain/explain.ts';
import type { Explanation } from './explain/trace.ts';
import type { RuleCondition } from './compiler/rule-json.ts';

/** When workflows run: on arrival, as a ticket waits, when it is resolved, or when an agent asks. */
export type Stage = 'ingest' | 'escalation' | 'resolution' | 'empowerment';

const STAGE_KINDS: Record<Stage, readonly WorkflowKind[]> = {
  ingest: ['routing', 'proactive'],
  escalation: ['escalation'],
  resolution: ['proactive'],
  empowerment: ['empowerment'],
};

const STAGE_EVENTS: Partial<Record<Stage, MentionEvent>> = { ingest: 'mention', resolution: 'ticket_resolved' };

export interface MentionEvaluation {
  readonly mention: Mention;
  /** The host's current time; defaults to the mention's createdAt. */
  readonly now?: string;
  readonly volumes?: Readonly<Record<string, number>>;
  readonly openIncidents?: readonly string[];
  readonly ticket?: TicketState;
}

export interface RuleEngineOptions {
  readonly workflows: readonly CompiledWorkflow[];
  readonly settings?: Settings;
}

// A module-level factory rather than an inline arrow: tsx names every arrow it sees assigned to a property, one
// `Object.defineProperty` per decision on the hot path.
function eventDateOf(scope: FactScope): () => string | undefined {
  return () => scope.get('personalEvent.date') as string | undefined;
}

export class RuleEngine {
  readonly workflows: readonly CompiledWorkflow[];
  private readonly workspace: Workspace;
  private readonly programs = new Map<Stage, CompiledProgram>();
  private readonly references = new Map<Stage, ReferenceExecutor>();

  constructor(options: RuleEngineOptions) {
    this.workflows = options.workflows;
    this.workspace = prepareWorkspace(options.settings ?? DEFAULT_SETTINGS);
  }

  get settings(): Settings {
    return this.workspace.settings;
  }

  /**
   * The settings' working time as a calendar that remembers its days: pass it as `working` to `nextWaitingCheck` and
   * the business-time functions to answer many tickets for the cost of a few.
   */
  get calendar(): WorkingCalendar {
    return this.workspace.calendar;
  }

  /** Route a mention as it arrives (routing and proactive workflows). */
  decide(evaluation: MentionEvaluation): Decision {
    return this.decideAt('ingest', evaluation);
  }

  /** Run escalation workflows over a waiting ticket (needs `now` and `ticket`). */
  escalate(evaluation: MentionEvaluation): Decision {
    return this.decideAt('escalation', evaluation);
  }

  /** Run proactive workflows when the mention's ticket is resolved (closing the loop). */
  resolve(evaluation: MentionEvaluation): Decision {
    return this.decideAt('resolution', evaluation);
  }

  decideAt(stage: Exclude<Stage, 'empowerment'>, evaluation: MentionEvaluation): Decision {
    const scope = this.scopeFor(stage, evaluation);
    return this.toDecision(this.program(stage).run(scope), scope, evaluation);
  }

  checkEmpowerment(request: EmpowermentRequest): EmpowermentDecision {
    const scope = new FactScope({ subject: 'request', request, settings: this.settings }, this.workspace, FACT_CATALOG);
    return decideEmpowerment(request, this.program('empowerment').run(scope));
  }

  /** Evaluate with json-rules-engine and trace every rule, condition and node on the path. */
  async explain(stage: Exclude<Stage, 'empowerment'>, evaluation: MentionEvaluation): Promise<Explanation<Decision>> {
    const scope = this.scopeFor(stage, evaluation);
    const run = await this.reference(stage).run(scope);
    return {
      decision: this.toDecision(run.fired, scope, evaluation),
      rules: traceRules(run.ruleResults, scope),
      paths: tracePaths(this.workflowsOf(stage), scope),
    };
  }

  async explainEmpowerment(request: EmpowermentRequest): Promise<Explanation<EmpowermentDecision>> {
    const scope = new FactScope({ subject: 'request', request, settings: this.settings }, this.workspace, FACT_CATALOG);
    const run = await this.reference('empowerment').run(scope);
    return {
      decision: decideEmpowerment(request, run.fired),
      rules: traceRules(run.ruleResults, scope),
      paths: tracePaths(this.workflowsOf('empowerment'), scope),
    };
  }

  /** Evaluate with the reference executor only (for differential tests and audits). */
  async decideWithReference(stage: Exclude<Stage, 'empowerment'>, evaluation: MentionEvaluation): Promise<Decision> {
    const scope = this.scopeFor(stage, evaluation);
    const run = await this.reference(stage).run(scope);
    return this.toDecision(run.fired, scope, evaluation);
  }

  /** The volume windows the rules ask about; the host counts recent matching mentions for each. */
  volumeQueries(): VolumeQuery[] {
    const found = new Map<string, VolumeQuery>();
    const visit = (condition: RuleCondition): void => {
      if ('fact' in condition) {
        if (condition.fact === 'volume') {
          const query = VolumeQuerySchema.parse(condition.params ?? {});
          found.set(JSON.stringify(query), query);
        }
      } else if ('not' in condition) visit(condition.not);
      else ('all' in condition ? condition.all : condition.any).forEach(visit);
    };
    for (const workflow of this.workflows) for (const rule of workflow.rules) visit(rule.conditions);
    return [...found.values()];
  }

  workflowsOf(stage: Stage): CompiledWorkflow[] {
    const kinds = STAGE_KINDS[stage];
    return this.workflows.filter((workflow) => kinds.includes(workflow.kind));
  }

  private scopeFor(stage: Stage, evaluation: MentionEvaluation): FactScope {
    const event = STAGE_EVENTS[stage];
    const input: EvaluationInput = {
      subject: 'mention',
      mention: evaluation.mention,
      settings: this.settings,
      ...(evaluation.now !== undefined ? { now: evaluation.now } : {}),
      ...(evaluation.volumes ? { volumes: evaluation.volumes } : {}),
      ...(evaluation.openIncidents ? { openIncidents: evaluation.openIncidents } : {}),
      ...(evaluation.ticket ? { ticket: evaluation.ticket } : {}),
      ...(event ? { event } : {}),
    };
    return new FactScope(input, this.workspace, FACT_CATALOG);
  }

  private toDecision(fired: FiredRule[], scope: FactScope, evaluation: MentionEvaluation): Decision {
    return decide(fired, {
      mentionId: evaluation.mention.id,
      at: evaluation.now ?? evaluation.mention.createdAt,
      facts: scope.derivedValues(),
      ...(evaluation.ticket ? { basePriority: evaluation.ticket.priority } : {}),
      // Worked out only when a follow-up is timed to a personal event (date parsing is the costly part).
      eventDate: eventDateOf(scope),
    });
  }

  private program(stage: Stage): CompiledProgram {
    let program = this.programs.get(stage);
    if (!program) {
      program = new CompiledProgram(this.workflowsOf(stage));
      this.programs.set(stage, program);
    }
    return program;
  }

  private reference(stage: Stage): ReferenceExecutor {
    let executor = this.references.get(stage);
    if (!executor) {
      executor = new ReferenceExecutor(this.workflowsOf(stage));
      this.references.set(stage, executor);
    }
    return executor;
  }
}
