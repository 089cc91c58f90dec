// The value schema shared by comparison operators: a value of the fact's own type.
import { z } from 'zod';
import type { FactType } from '../facts/fact-type.ts';

export function scalarValueSchema(factType: FactType, enumValues?: readonly string[]): z.ZodType {
  switch (factType) {
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'enum':
      return enumValues && enumValues.length > 0 ? z.enum(enumValues as [string, ...string[]]) : z.string();
    default:
      return z.string().max(1000);
  }
}

export function scalarListSchema(factType: FactType, enumValues?: readonly string[]): z.ZodType {
  return z.array(scalarValueSchema(factType, enumValues)).min(1).max(500);
}
