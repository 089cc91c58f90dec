// First start on an empty database: the starter packs from rules/, a fictional brand, and a morning of mentions,
// so a newcomer opening the page sees a working system. Nothing is loaded when the database already has data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Settings } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { mentions, packs, workflows } from '../db/schema.ts';
import { demoMentions } from './demo-mentions.ts';

export const DEMO_SETTINGS: Settings = {
  brand: { names: ['Acme Air'], handles: ['@acmeair'], hashtags: ['#AcmeAir'] },
  timezone: 'Europe/Paris',
  businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
  defaultLanguage: 'en',
  responseTargets: { P1: 15, P2: 60, P3: 240, P4: 1440 },
};

/** Extra demo content later modules contribute (templates, agents), run after packs and settings. */
export type DemoContributor = (services: Services) => Promise<void>;

export async function isEmptyWorkspace(services: Services): Promise<boolean> {
  const { db } = services.database;
  const [workflowCount] = await db.select({ n: count() }).from(workflows);
  const [mentionCount] = await db.select({ n: count() }).from(mentions);
  const [packCount] = await db.select({ n: count() }).from(packs);
  return (workflowCount?.n ?? 0) + (mentionCount?.n ?? 0) + (packCount?.n ?? 0) === 0 && !(await services.settings.exists());
}

export async function seedDemoWorkspace(services: Services, rulesDir: string, contributors: readonly DemoContributor[] = []): Promise<boolean> {
  if (!(await isEmptyWorkspace(services))) return false;
  await services.settings.save(DEMO_SETTINGS, 'demo');
  const files = readdirSync(rulesDir).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).sort();
  for (const file of files) {
    const pack = JSON.parse(readFileSync(join(rulesDir, file), 'utf8'));
    await services.packs.import(pack, {}, 'demo');
  }
  services.rulebook.invalidate();
  for (const contribute of contributors) await contribute(services);
  const results = await services.ingest.ingest(demoMentions(services.clock.now()));
  services.logger.log('info', 'demo_loaded', { packs: files.length, mentions: results.filter((result) => result.status === 'created').length });
  return true;
}
