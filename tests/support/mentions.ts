// Sample mentions and settings for tests.
import type { Mention, Settings } from '../../packages/engine/src/index.ts';

export const settings: Settings = {
  brand: { names: ['Acme Air'], handles: ['@acmeair'], hashtags: ['#AcmeAir'] },
  timezone: 'Europe/Paris',
  businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
  defaultLanguage: 'en',
  responseTargets: { P1: 15, P2: 60, P3: 240, P4: 1440 },
};

let counter = 0;

export function mention(overrides: Partial<Mention> = {}): Mention {
  counter += 1;
  return {
    id: `m${counter}`,
    channel: 'x',
    kind: 'post',
    text: 'Hello @acmeair',
    createdAt: '2026-03-02T10:00:00Z',
    author: { handle: '@someone', followers: 120 },
    ...overrides,
  };
}
