// @vitest-environment happy-dom
// The first admin: the setup page asks for a name, an email and a password typed twice (12 characters at least),
// sends the one-time token from its link, and signs the new admin in; a used or expired link is explained. While no
// user exists, the sign-in page points to that link instead of asking for a password nobody has.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SetupPage } from '../apps/editor/src/pages/access/SetupPage.tsx';
import { SignInPage } from '../apps/editor/src/pages/access/SignInPage.tsx';
import { sessionState, setSession } from '../apps/editor/src/access/session.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const admin = { user: { id: 1, email: 'ada@example.test', name: 'Ada', role: 'admin', kind: 'user' }, permissions: ['users:manage'], csrfToken: 'csrf-1' };

function serve(answer: (url: string, init: RequestInit) => Response) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.body) posted.push(JSON.parse(init.body as string));
      return answer(url, init);
    }),
  );
  return posted;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('setting up the first admin', () => {
  it('creates the admin with the token from the link and signs them in', async () => {
    history.replaceState(null, '', '/setup?token=one-time-token');
    const posted = serve((url, init) => (init.method === 'POST' ? json(admin, 201) : json({ needed: true })));
    render(<SetupPage />);
    await screen.findByText(/Nobody has an account yet/);
    fill('Your name', 'Ada');
    fill('Email', 'ada@example.test');
    fill('Password', 'too short');
    fill('Password again', 'too short');
    expect(screen.getByText('Use at least 12 characters (9 so far).')).toBeTruthy();
    const submit = screen.getByRole('button', { name: 'Create the admin and sign in' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fill('Password', 'correct horse battery staple');
    fill('Password again', 'correct horse battery stapler');
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    fill('Password again', 'correct horse battery staple');
    await act(async () => fireEvent.click(submit));
    expect(posted).toEqual([{ token: 'one-time-token', name: 'Ada', email: 'ada@example.test', password: 'correct horse battery staple' }]);
    expect(sessionState()).toMatchObject({ status: 'signed-in', session: { user: { name: 'Ada' } } });
    expect(location.pathname).toBe('/');
  });

  it('explains a link that is used or expired', async () => {
    history.replaceState(null, '', '/setup?token=old');
    serve((url, init) => (init.method === 'POST' ? json({ error: 'invalid_setup_token', message: 'this setup link is unknown, used or expired' }, 403) : json({ needed: true })));
    render(<SetupPage />);
    await screen.findByText(/Nobody has an account yet/);
    fill('Your name', 'Ada');
    fill('Email', 'ada@example.test');
    fill('Password', 'correct horse battery staple');
    fill('Password again', 'correct horse battery staple');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create the admin and sign in' })));
    expect(screen.getByRole('alert').textContent).toBe('This setup link is not valid, or has expired (it lasts 24 hours). Restart the server to print a new one.');
    expect(sessionState().status).toBe('signed-out');
  });

  it('says so once someone exists, and asks for the link when it is missing', async () => {
    history.replaceState(null, '', '/setup');
    serve(() => json({ needed: false }));
    render(<SetupPage />);
    expect((await screen.findByText(/already set up/)).textContent).toBe('Mentionflow is already set up. Sign in');
    cleanup();
    serve(() => json({ needed: true }));
    render(<SetupPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('This page needs the one-time link the server printed');
  });

  it('points the sign-in page to the setup link while nobody can sign in', async () => {
    history.replaceState(null, '', '/login');
    serve(() => json({ needed: true }));
    render(<SignInPage />);
    expect((await screen.findByRole('status')).textContent).toContain('Nobody can sign in yet');
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});
