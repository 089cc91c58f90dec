// Facts about what is happening across many mentions: volume spikes and open incidents.
import { z } from 'zod';
import { defineFact } from './fact-spec.ts';
import { VolumeQuerySchema, volumeKey, type VolumeQuery } from './volume-query.ts';

export const IncidentQuerySchema = z.strictObject({ topic: z.string().min(1).max(100) });

export const volumeFacts = [
  defineFact({
    name: 'volume',
    type: 'number',
    label: 'Matching mentions in window',
    description:
      'How many mentions matching the terms (and channel, if set) arrived in the last N minutes, this one included.',
    example: 24,
    subject: 'mention',
    derived: true,
    paramsSchema: VolumeQuerySchema,
    resolve: (scope, params) => scope.mentionInput.volumes?.[volumeKey(params as VolumeQuery)],
  }),
  defineFact({
    name: 'incident.open',
    type: 'boolean',
    label: 'Incident open for topic',
    description: 'An incident is currently open for the topic.',
    example: true,
    subject: 'mention',
    derived: true,
    paramsSchema: IncidentQuerySchema,
    resolve: (scope, params) => (scope.mentionInput.openIncidents ?? []).includes((params as { topic: string }).topic),
  }),
];
