// The pack format as JSON Schema, generated from the zod schema (never written by hand) and committed in rules/.
import { z } from 'zod';
import { PackSchema } from './pack-schema.ts';

export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PackSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://mentionflow.dev/schemas/pack.schema.json',
    title: 'Mentionflow rule pack',
    description: 'Workflows that encode good practice for social customer care, with typed parameters and self-tests.',
  };
}
