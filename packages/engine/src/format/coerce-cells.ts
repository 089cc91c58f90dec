// CSV cells are text: turn them into the numbers and booleans a schema expects, by walking the zod schema itself.
import { z } from 'zod';

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = (current as z.ZodOptional<z.ZodType>).unwrap() as z.ZodType;
  }
  return current;
}

/** Convert string leaves to numbers/booleans where the schema wants them; anything unparsable is left for the schema to reject. */
export function coerceCells(value: unknown, schema: z.ZodType): unknown {
  const target = unwrap(schema);
  if (typeof value === 'string') {
    if (target instanceof z.ZodNumber) {
      const number = Number(value.trim());
      return value.trim() !== '' && Number.isFinite(number) ? number : value;
    }
    if (target instanceof z.ZodBoolean) {
      const lower = value.trim().toLowerCase();
      return lower === 'true' || lower === '1' || lower === 'yes' ? true : lower === 'false' || lower === '0' || lower === 'no' ? false : value;
    }
    return value;
  }
  if (target instanceof z.ZodObject && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = target.shape as Record<string, z.ZodType>;
    const coerced: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) coerced[key] = shape[key] ? coerceCells(entry, shape[key]) : entry;
    return coerced;
  }
  return value;
}
