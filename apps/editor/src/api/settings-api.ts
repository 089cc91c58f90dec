// /api/settings: the workspace's brand, time zone, business hours and response targets.
import type { Settings } from '@mentionflow/engine';
import { request } from './http.ts';

export const settingsApi = {
  get: () => request<Settings>('GET', '/api/settings'),
  save: (settings: Settings) => request<Settings>('PUT', '/api/settings', settings),
};
