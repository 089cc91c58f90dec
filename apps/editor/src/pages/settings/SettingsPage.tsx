// Workspace settings: brand names, handles and hashtags, time zone, business hours and first-response targets.
// Everyone reads them; only a role with `settings:edit` (admins) sees them as a form to save.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { PRIORITIES, SettingsSchema, WEEKDAYS, formatDuration, type Settings } from '@mentionflow/engine';
import { settingsApi } from '../../api/settings-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { useCan } from '../../access/session.ts';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { TagsInput } from '../../ui/TagsInput.tsx';

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French', es: 'Spanish', ro: 'Romanian', de: 'German' };

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

export default function SettingsPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mayEdit = useCan('settings:edit');
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);

  useEffect(() => {
    settingsApi
      .get()
      .then((loaded) => {
        setSettings(loaded);
        setSaved(JSON.stringify(loaded));
        setLoad({ status: 'ready' });
      })
      .catch((error: unknown) => setLoad({ status: 'error', message: error instanceof ApiRequestError ? error.message : String(error) }));
  }, [attempt]);

  if (load.status === 'loading') return <Loading what="settings" />;
  if (load.status === 'error' || !settings) return <ErrorState title="The settings could not be loaded" message={load.status === 'error' ? load.message : ''} onRetry={() => setAttempt(attempt + 1)} />;

  // The engine's own schema checks the form before the server does, so problems show beside the fields.
  const check = SettingsSchema.safeParse(settings);
  const issues = check.success ? [] : check.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const issueAt = (prefix: string) => issues.filter((issue) => issue.path.startsWith(prefix)).map((issue) => issue.message);
  const dirty = JSON.stringify(settings) !== saved;
  const update = (change: (draft: Settings) => Settings) => {
    setResult(null);
    setSettings(change(settings));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.success) return;
    setBusy(true);
    try {
      const next = await settingsApi.save(check.data);
      setSettings(next);
      setSaved(JSON.stringify(next));
      setResult({ ok: true, message: 'Settings saved. New mentions are decided with them.' });
    } catch (error) {
      setResult({ ok: false, message: error instanceof ApiRequestError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {!mayEdit && (
        <p className="notice" role="note">
          Read only: your role may look at the settings; an admin changes them.
        </p>
      )}
      <form onSubmit={save} className="settings-form">
        <fieldset disabled={!mayEdit}>
          <legend>Brand</legend>
          <p className="help">How customers name the brand; mentions that use these are “about the brand”.</p>
          <TagsInput label="Brand names" values={settings.brand.names} onChange={(names) => update((draft) => ({ ...draft, brand: { ...draft.brand, names } }))} placeholder="e.g. Acme Air" />
          <TagsInput label="Handles" values={settings.brand.handles} onChange={(handles) => update((draft) => ({ ...draft, brand: { ...draft.brand, handles } }))} placeholder="e.g. @acmeair" />
          <TagsInput label="Hashtags" values={settings.brand.hashtags} onChange={(hashtags) => update((draft) => ({ ...draft, brand: { ...draft.brand, hashtags } }))} placeholder="e.g. #AcmeAir" />
        </fieldset>
        <fieldset disabled={!mayEdit}>
          <legend>Time</legend>
          <div className="field">
            <label htmlFor="settings-timezone">Time zone</label>
            <input id="settings-timezone" list="time-zones" value={settings.timezone} onChange={(event) => update((draft) => ({ ...draft, timezone: event.target.value }))} aria-invalid={issueAt('timezone').length > 0 || undefined} aria-describedby="settings-timezone-error" />
            <datalist id="time-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <small id="settings-timezone-error" className="field-error">
              {issueAt('timezone').join('; ')}
            </small>
          </div>
          <fieldset className="field-group checkbox-grid">
            <legend>Business days</legend>
            {WEEKDAYS.map((day) => (
              <label key={day} className="choice">
                <input
                  type="checkbox"
                  checked={settings.businessHours.days.includes(day)}
                  onChange={(event) =>
                    update((draft) => ({
                      ...draft,
                      businessHours: { ...draft.businessHours, days: event.target.checked ? WEEKDAYS.filter((other) => other === day || draft.businessHours.days.includes(other)) : draft.businessHours.days.filter((other) => other !== day) },
                    }))
                  }
                />
                {DAY_NAMES[day]}
              </label>
            ))}
          </fieldset>
          <div className="field-row">
            <div className="field">
              <label htmlFor="settings-start">Opens at</label>
              <input id="settings-start" type="time" value={settings.businessHours.start} onChange={(event) => update((draft) => ({ ...draft, businessHours: { ...draft.businessHours, start: event.target.value } }))} />
            </div>
            <div className="field">
              <label htmlFor="settings-end">Closes at</label>
              <input id="settings-end" type="time" value={settings.businessHours.end} onChange={(event) => update((draft) => ({ ...draft, businessHours: { ...draft.businessHours, end: event.target.value } }))} />
            </div>
          </div>
          {issueAt('businessHours').length > 0 && <p className="field-error">{issueAt('businessHours').join('; ')}</p>}
          <div className="field">
            <label htmlFor="settings-language">Default language</label>
            <select id="settings-language" value={settings.defaultLanguage} onChange={(event) => update((draft) => ({ ...draft, defaultLanguage: event.target.value }))}>
              {!LANGUAGES[settings.defaultLanguage] && <option value={settings.defaultLanguage}>{settings.defaultLanguage}</option>}
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <fieldset disabled={!mayEdit}>
          <legend>First-response targets</legend>
          <p className="help">Minutes a ticket of each priority may wait for its first answer. P1 counts every minute; P2–P4 count business minutes.</p>
          <div className="field-row">
            {PRIORITIES.map((priority) => (
              <div className="field" key={priority}>
                <label htmlFor={`settings-target-${priority}`}>{priority} (minutes)</label>
                <input
                  id={`settings-target-${priority}`}
                  type="number"
                  min={1}
                  value={settings.responseTargets[priority]}
                  onChange={(event) => update((draft) => ({ ...draft, responseTargets: { ...draft.responseTargets, [priority]: event.target.value === '' ? 0 : Number(event.target.value) } }))}
                  aria-invalid={issueAt(`responseTargets.${priority}`).length > 0 || undefined}
                />
                <small className="help">{settings.responseTargets[priority] > 0 ? `= ${formatDuration(settings.responseTargets[priority])}` : 'at least 1 minute'}</small>
              </div>
            ))}
          </div>
        </fieldset>
        {issues.length > 0 && (
          <ul className="field-errors" aria-label="Problems with these settings">
            {issues.map((issue, index) => (
              <li key={index}>
                {issue.path}: {issue.message}
              </li>
            ))}
          </ul>
        )}
        {result && (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'notice' : 'field-error'}>
            {result.message}
          </p>
        )}
        {mayEdit && (
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || !dirty || issues.length > 0}>
              {busy ? 'Saving…' : 'Save settings'}
            </button>
            {dirty && (
              <button type="button" onClick={() => (setSettings(JSON.parse(saved) as Settings), setResult(null))}>
                Discard changes
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
