// Field schemas several node kinds share: names of queues, tags, templates and roles.
import { z } from 'zod';

const slug = (what: string) =>
  z
    .string()
    .min(1, `a ${what} is required`)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, `a ${what} uses lower-case letters, digits, "-" and "_"`);

export const QueueNameSchema = slug('queue name');
export const TagSchema = slug('tag');
export const TemplateIdSchema = slug('template name');
export const TopicSchema = slug('topic');
export const ReasonSchema = z.string().min(1, 'a reason is required').max(500);
export const RankSchema = z.number().int().min(0).max(1000);

/** Who can be escalated to or notified: a role, a queue or a team channel. */
export const TargetSchema = slug('target');
