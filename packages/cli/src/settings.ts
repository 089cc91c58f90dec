// Reads workspace settings for simulate: a JSON file checked against SettingsSchema, else the defaults.
import { DEFAULT_SETTINGS, SettingsSchema, parseJsonSafely, type Settings } from '@mentionflow/engine';
import { FatalError } from './errors.ts';
import { readTextFile } from './io.ts';

/** The settings in `file`, or DEFAULT_SETTINGS without one; any problem is fatal and names the field. */
export function loadSettings(file: string | undefined, cwd: string): Settings {
  if (file === undefined) return DEFAULT_SETTINGS;
  const text = readTextFile(file, 'settings file', cwd);
  let json: unknown;
  try {
    json = parseJsonSafely(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new FatalError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = SettingsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new FatalError(
    parsed.error.issues.map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : '(settings)';
      const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `“${key}”`).join(', ')}` : issue.message;
      return `${file}: ${field}: ${message}`;
    }),
  );
}
