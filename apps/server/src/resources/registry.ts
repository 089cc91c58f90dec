// Resources mounted under /api besides the core ones (settings, workflows, mentions, health). One line each.
import type { Hono } from 'hono';
import type { Services } from '../services.ts';
import { packRoutes } from './packs.ts';

export function mountedResources(services: Services): { path: string; app: Hono }[] {
  return [
    { path: '/packs', app: packRoutes(services) },
  ];
}
