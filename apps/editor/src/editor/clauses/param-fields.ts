// The settings a fact takes (a volume window, an incident topic), read from the fact's own zod `paramsSchema`
// so a new parameterised fact gets a form without editor changes.
import { TermListSchema, type FactSpec } from '@mentionflow/engine';

export type ParamInput = 'number' | 'text' | 'select' | 'terms';

export interface ParamField {
  readonly name: string;
  readonly label: string;
  readonly input: ParamInput;
  readonly optional: boolean;
  readonly options?: readonly string[];
}

/** Labels for the parameter names the catalog uses; others are shown as written. */
const LABELS: Record<string, string> = {
  windowMinutes: 'Window (minutes)',
  terms: 'Only mentions with these terms',
  channel: 'Only on channel',
  topic: 'Incident topic',
};

interface ZodLike {
  _zod: { def: { type: string; shape?: Record<string, ZodLike>; innerType?: ZodLike; entries?: Record<string, string> } };
}

export function paramFieldsOf(fact: FactSpec | undefined): ParamField[] {
  const schema = fact?.paramsSchema as unknown as ZodLike | undefined;
  const shape = schema?._zod.def.type === 'object' ? schema._zod.def.shape : undefined;
  if (!shape) return [];
  return Object.entries(shape).map(([name, entry]) => {
    const optional = entry._zod.def.type === 'optional';
    const inner = optional && entry._zod.def.innerType ? entry._zod.def.innerType : entry;
    const label = LABELS[name] ?? name;
    if ((inner as unknown) === TermListSchema) return { name, label, input: 'terms', optional };
    switch (inner._zod.def.type) {
      case 'number':
        return { name, label, input: 'number', optional };
      case 'enum':
        return { name, label, input: 'select', optional, options: Object.values(inner._zod.def.entries ?? {}) };
      default:
        return { name, label, input: 'text', optional };
    }
  });
}
