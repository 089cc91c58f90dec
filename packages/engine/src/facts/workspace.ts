// What is prepared once per workspace settings (the brand matcher), not once per mention.
import type { Settings } from '../mention/settings-schema.ts';
import { compileBrand, type BrandMentionType } from '../text/brand.ts';

export interface Workspace {
  readonly settings: Settings;
  brandMention(text: string, normalizedText: string): BrandMentionType;
}

export function prepareWorkspace(settings: Settings): Workspace {
  return { settings, brandMention: compileBrand(settings.brand) };
}
