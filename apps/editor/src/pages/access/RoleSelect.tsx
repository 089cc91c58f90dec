// A role picker: every role the engine declares, by name, with what the chosen one may do (from its permissions).
import { useId } from 'react';
import { permissionsOf, ROLE_LABELS, ROLES, type Role } from '@mentionflow/engine';
import { describePermissions } from './permission-words.ts';

export function RoleSelect({ label = 'Role', value, onChange }: { label?: string; value: Role; onChange: (role: Role) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Role)} aria-describedby={`${id}-may`}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <small id={`${id}-may`} className="help">
        May: {value === 'admin' ? 'everything, including users, API tokens, channels, webhooks and settings' : describePermissions(permissionsOf(value))}
      </small>
    </div>
  );
}
