// The header's corner: who is signed in and in which role, changing one's password, signing out; and, when the
// session ended under an open page, the way to sign in again without leaving it.
import { useEffect, useState } from 'react';
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx';
import { roleName } from './roles-text.ts';
import { signOut } from './session-actions.ts';
import type { Session } from './session.ts';
import { SignInAgainDialog } from './SignInAgainDialog.tsx';

export function UserMenu({ session, expired }: { session: Session; expired: boolean }) {
  const [dialog, setDialog] = useState<'password' | 'sign-in' | null>(null);
  // The dialog opens by itself when the session ends; closed, the button below brings it back.
  useEffect(() => setDialog(expired ? 'sign-in' : null), [expired]);
  return (
    <div className="user-menu" aria-label="You">
      <span className="user-menu-who">
        <strong>{session.user.name}</strong> <span className="role-badge">{roleName(session.user.role)}</span>
      </span>
      {expired ? (
        <button type="button" className="session-ended" onClick={() => setDialog('sign-in')}>
          Session ended: sign in again
        </button>
      ) : (
        <>
          <button type="button" className="link-button" onClick={() => setDialog('password')}>
            Change password
          </button>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </>
      )}
      {dialog === 'password' && <ChangePasswordDialog onClose={() => setDialog(null)} />}
      {dialog === 'sign-in' && expired && <SignInAgainDialog email={session.user.email} onClose={() => setDialog(null)} />}
    </div>
  );
}
