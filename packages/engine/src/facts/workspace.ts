// What is prepared once per workspace settings (the brand matcher, the working calendar), not once per mention.
import type { Settings } from '../mention/settings-schema.ts';
import { compileBrand, type BrandMentionType } from '../text/brand.ts';
import { WorkingCalendar } from '../time/working-calendar.ts';

export interface Workspace {
  readonly settings: Settings;
  brandMention(text: string, normalizedText: string): BrandMentionType;
  /** The settings' working time, remembering its days across evaluations (escalation checks read the same days). */
  readonly calendar: WorkingCalendar;
}

export function prepareWorkspace(settings: Settings): Workspace {
  return { settings, brandMention: compileBrand(settings.brand), calendar: new WorkingCalendar(settings) };
}
