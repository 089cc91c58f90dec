// @vitest-environment happy-dom
// Linking people to queue agents on the Users page: the select lists "none" then the agents by name (a linked id the
// list lacks stays offered); agent-role users with no link are flagged; the server's 422 on `agentId` lands on the
// field that sent it, in the new-user dialog and on a row, and other refusals stay where they were.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Agent } from '../apps/editor/src/api/agents-api.ts';
import { ApiRequestError } from '../apps/editor/src/api/http.ts';
import { agentChoices, agentIdRefusal, needsAgentLink } from '../apps/editor/src/pages/access/agent-link.ts';
import { NewUserDialog } from '../apps/editor/src/pages/access/NewUserDialog.tsx';
import UsersPage from '../apps/editor/src/pages/access/UsersPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const agent = (id: string, name: string, more: Partial<Agent> = {}): Agent => ({
  id,
  name,
  tier: 'agent',
  skills: [],
  languages: ['en'],
  queues: ['care'],
  capacity: 5,
  rating: 4,
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  load: 0,
  ...more,
});
const agents = [agent('zoe', 'Zoe'), agent('al', 'Al', { tier: 'senior', queues: ['billing', 'care'] }), agent('old', 'Old', { active: false })];
const unknownAgent = { error: 'validation_failed', message: 'agentId: no agent “ghost”', details: [{ field: 'agentId', message: 'no such agent' }] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const user = (id: number, name: string, role: string, agentId: string | null) => ({ id, email: `${name.toLowerCase()}@example.test`, name, role, agentId, disabled: false, createdAt: '2025-01-01T00:00:00.000Z', lastSignInAt: null });

function serve(answer: (url: string, init: RequestInit) => Response) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      sent.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(init.body as string) : undefined });
      return answer(url, init);
    }),
  );
  return sent;
}

describe('the agent choices', () => {
  it('offers none, then the agents by name with their ids, inactive ones said so, and keeps an unlisted link', () => {
    expect(agentChoices(agents, null).map((choice) => choice.label)).toEqual(['none', 'Al (al)', 'Old (old) — inactive', 'Zoe (zoe)']);
    expect(agentChoices([], 'ghost')).toEqual([
      { value: '', label: 'none' },
      { value: 'ghost', label: 'ghost' },
    ]);
  });

  it('flags only agent-role users without a link', () => {
    expect(needsAgentLink({ role: 'agent', agentId: null })).toBe(true);
    expect(needsAgentLink({ role: 'agent', agentId: 'al' })).toBe(false);
    expect(needsAgentLink({ role: 'analyst', agentId: null })).toBe(false);
  });

  it('reads the server’s refusal of an agent id, and nothing else', () => {
    expect(agentIdRefusal(new ApiRequestError(422, 'validation_failed', 'agentId: no agent “ghost”', unknownAgent.details))).toBe('The server refused this queue agent: no such agent. Choose another, or none.');
    expect(agentIdRefusal(new ApiRequestError(422, 'validation_failed', 'name: required', [{ field: 'name', message: 'required' }]))).toBeNull();
    expect(agentIdRefusal(new ApiRequestError(409, 'last_admin', 'no'))).toBeNull();
    expect(agentIdRefusal(new Error('offline'))).toBeNull();
  });
});

describe('the new-user dialog', () => {
  it('sends the chosen agent, warns while an agent has none, and shows a 422 on the field', async () => {
    const sent = serve(() => json(unknownAgent, 422));
    const created = vi.fn();
    render(<NewUserDialog queueAgents={{ agents, problem: null }} onClose={() => undefined} onCreated={created} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Kim' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'kim@example.test' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'agent' } });
    expect(screen.getByText(/can’t work the queue until linked/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Queue agent'), { target: { value: 'al' } });
    expect(screen.queryByText(/can’t work the queue until linked/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^First password/), { target: { value: 'a long enough first password' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add user' })));

    expect(sent.at(-1)?.body).toEqual({ name: 'Kim', email: 'kim@example.test', role: 'agent', password: 'a long enough first password', agentId: 'al' });
    const select = screen.getByLabelText('Queue agent');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('The server refused this queue agent: no such agent. Choose another, or none.');
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe(screen.getByRole('alert').textContent);
    expect(created).not.toHaveBeenCalled();
    // Choosing again clears the refusal.
    fireEvent.change(select, { target: { value: '' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('leaves the agent out when none is chosen', async () => {
    const sent = serve(() => json(user(7, 'Sam', 'analyst', null), 201));
    render(<NewUserDialog queueAgents={{ agents, problem: null }} onClose={() => undefined} onCreated={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Sam' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'sam@example.test' } });
    fireEvent.change(screen.getByLabelText(/^First password/), { target: { value: 'a long enough first password' } });
    expect(screen.getByText(/Optional for this role/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add user' })));
    expect(sent.at(-1)?.body).not.toHaveProperty('agentId');
  });
});

describe('the users table', () => {
  it('shows each link, flags an unlinked agent, and puts a refused link on its row', async () => {
    const sent = serve((url, init) => {
      if (url === '/api/agents') return json({ agents });
      if (init.method === 'PATCH') return json(unknownAgent, 422);
      return json({ users: [user(1, 'Kim', 'agent', 'al'), user(2, 'Ben', 'agent', null), user(3, 'Ana', 'analyst', null)] });
    });
    render(<UsersPage />);
    const kim = within((await screen.findByText('Kim')).closest('tr')!);
    const ben = within(screen.getByText('Ben').closest('tr')!);
    const ana = within(screen.getByText('Ana').closest('tr')!);
    await vi.waitFor(() => expect(kim.getByText('senior · billing, care')).toBeTruthy());
    expect((kim.getByLabelText('Queue agent of Kim') as HTMLSelectElement).value).toBe('al');
    expect(kim.queryByText('can’t work the queue until linked')).toBeNull();
    expect(ben.getByText('can’t work the queue until linked')).toBeTruthy();
    expect(ana.queryByText('can’t work the queue until linked')).toBeNull();

    await act(async () => fireEvent.change(kim.getByLabelText('Queue agent of Kim'), { target: { value: 'zoe' } }));
    expect(sent.find((request) => request.method === 'PATCH')).toEqual({ method: 'PATCH', url: '/api/users/1', body: { agentId: 'zoe' } });
    await vi.waitFor(() => expect(kim.getByRole('alert').textContent).toBe('The server refused this queue agent: no such agent. Choose another, or none.'));
    expect(kim.getByLabelText('Queue agent of Kim').getAttribute('aria-invalid')).toBe('true');
    expect(ben.queryByRole('alert')).toBeNull();
    // The list is read again: the select shows the link the server kept.
    await vi.waitFor(() => expect((kim.getByLabelText('Queue agent of Kim') as HTMLSelectElement).value).toBe('al'));
  });
});
