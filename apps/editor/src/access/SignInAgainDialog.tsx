// The session ended while a page was open (expired, revoked, signed out elsewhere): sign in again over the page, so
// nothing on it is lost. Then try again what failed (save, publish…).
import { Dialog } from '../ui/Dialog.tsx';
import { setSession } from './session.ts';
import { SignInForm } from './SignInForm.tsx';

export function SignInAgainDialog({ email, onClose }: { email: string; onClose: () => void }) {
  return (
    <Dialog title="Sign in again" open onClose={onClose}>
      <p>Your session has ended. Sign in again to carry on: this page, and anything unsaved on it, stays as it is.</p>
      <SignInForm initialEmail={email} submitLabel="Sign in and carry on" onSignedIn={setSession} />
    </Dialog>
  );
}
