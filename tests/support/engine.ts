// Builds a RuleEngine from workflow inputs, failing the test loudly when a workflow does not compile.
import { RuleEngine, compileWorkflow, type Settings, type WorkflowInput } from '../../packages/engine/src/index.ts';
import { settings as defaultSettings } from './mentions.ts';

export function engineFor(workflows: WorkflowInput[], settings: Settings = defaultSettings): RuleEngine {
  const compiled = workflows.map((input) => {
    const result = compileWorkflow(input);
    if (!result.ok) throw new Error(`${input.id}: ${JSON.stringify(result.problems, null, 2)}`);
    return result.workflow;
  });
  return new RuleEngine({ workflows: compiled, settings });
}
