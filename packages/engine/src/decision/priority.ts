// Priorities P1 (most urgent) to P4, and the arithmetic of raising one.
import { z } from 'zod';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

/** The more urgent of two priorities. */
export function higherPriority(a: Priority, b: Priority): Priority {
  return PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;
}

/** Raise by `levels` (P3 raised by 1 is P2), never past P1. */
export function raisePriority(priority: Priority, levels: number): Priority {
  const index = Math.max(0, PRIORITIES.indexOf(priority) - Math.max(0, Math.trunc(levels)));
  return PRIORITIES[index]!;
}
