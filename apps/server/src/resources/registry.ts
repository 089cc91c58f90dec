// Resources mounted under /api besides the core ones (settings, workflows, mentions, health). One line each.
import type { Hono } from 'hono';
import type { Services } from '../services.ts';

export function mountedResources(_services: Services): { path: string; app: Hono }[] {
  return [];
}
