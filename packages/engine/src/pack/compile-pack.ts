// Validates a pack whole: its schema, its parameters, and every workflow compiled with them. Every problem gets a JSON path.
import { z } from 'zod';
import { compileWorkflow, type CompiledWorkflow } from '../compiler/compile-workflow.ts';
import { parameterReferences } from '../compiler/parameters.ts';
import { TermListSchema } from '../text/terms.ts';
import { DurationSchema } from '../time/duration.ts';
import { PackSchema, type Pack, type PackParameter } from './pack-schema.ts';

export interface PackProblem {
  /** JSON path into the pack, e.g. `workflows[2].graph.nodes[4].data.clauses[0].value`. */
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

export type PackCompilation =
  | { readonly ok: true; readonly pack: Pack; readonly workflows: CompiledWorkflow[]; readonly parameters: Record<string, unknown> }
  | { readonly ok: false; readonly problems: PackProblem[]; readonly pack?: Pack };

export function jsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || '(pack)';
}

function parameterValueSchema(parameter: PackParameter): z.ZodType {
  switch (parameter.type) {
    case 'number': {
      let schema = z.number();
      if (parameter.min !== undefined) schema = schema.min(parameter.min);
      if (parameter.max !== undefined) schema = schema.max(parameter.max);
      return schema;
    }
    case 'string':
      return z.string().max(1000);
    case 'boolean':
      return z.boolean();
    case 'terms':
      return TermListSchema;
    case 'duration':
      return DurationSchema;
    case 'enum':
      return z.enum(parameter.options as [string, ...string[]]);
  }
}

/** The parameter values in force: defaults, overridden by the team's settings; unknown names are problems. */
export function resolvePackParameters(pack: Pack, overrides: Readonly<Record<string, unknown>> = {}, problems: PackProblem[] = []) {
  const values: Record<string, unknown> = {};
  for (const [name, parameter] of Object.entries(pack.parameters)) {
    const schema = parameterValueSchema(parameter);
    const fallback = schema.safeParse(parameter.default);
    if (!fallback.success) problems.push({ path: `parameters.${name}.default`, message: fallback.error.issues[0]!.message, code: 'invalid_parameter' });
    values[name] = parameter.default;
    if (Object.hasOwn(overrides, name)) {
      const given = schema.safeParse(overrides[name]);
      if (given.success) values[name] = given.data;
      else problems.push({ path: `parameters.${name}`, message: `invalid value: ${given.error.issues[0]!.message}`, code: 'invalid_parameter' });
    }
  }
  for (const name of Object.keys(overrides)) {
    if (!Object.hasOwn(pack.parameters, name)) problems.push({ path: `parameters.${name}`, message: `the pack has no parameter “${name}”`, code: 'unknown_parameter' });
  }
  return values;
}

/** Parse, bind parameters and compile every workflow. A pack with any problem yields no workflows. */
export function compilePack(input: unknown, overrides: Readonly<Record<string, unknown>> = {}): PackCompilation {
  const parsed = PackSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message, code: 'invalid_pack' })),
    };
  }
  const pack = parsed.data;
  const problems: PackProblem[] = [];
  const parameters = resolvePackParameters(pack, overrides, problems);
  const workflows: CompiledWorkflow[] = [];
  const seen = new Set<string>();
  pack.workflows.forEach((workflow, index) => {
    if (seen.has(workflow.id)) problems.push({ path: `workflows[${index}].id`, message: `two workflows share the id “${workflow.id}”`, code: 'duplicate_id' });
    seen.add(workflow.id);
    for (const name of parameterReferences(workflow.graph)) {
      if (!Object.hasOwn(pack.parameters, name)) {
        problems.push({ path: `workflows[${index}]`, message: `refers to the parameter “${name}”, which the pack does not declare`, code: 'unknown_parameter' });
      }
    }
    const result = compileWorkflow(workflow, { parameters });
    if (result.ok) {
      workflows.push(result.workflow);
      return;
    }
    const nodeIndex = new Map(workflow.graph.nodes.map((node, position) => [node.id, position]));
    const edgeIndex = new Map(workflow.graph.edges.map((edge, position) => [edge.id, position]));
    for (const found of result.problems) {
      let path = `workflows[${index}]`;
      if (found.edgeId !== undefined && edgeIndex.has(found.edgeId)) {
        path += `.graph.edges[${edgeIndex.get(found.edgeId)}]`;
      } else if (found.nodeId !== undefined && nodeIndex.has(found.nodeId)) {
        path += `.graph.nodes[${nodeIndex.get(found.nodeId)}].data`;
        if (found.path?.length) path += `.${jsonPath(found.path)}`.replace('.[', '[');
      }
      problems.push({ path, message: found.message, code: found.code });
    }
  });
  return problems.length > 0 ? { ok: false, problems, pack } : { ok: true, pack, workflows, parameters };
}
