// The demo team of Acme Air's social care desk: who answers in which languages and queues.
import type { Services } from '../services.ts';
import { AgentStore, type AgentInput } from '../domain/agent-store.ts';

const ALL_QUEUES = ['urgent', 'incident', 'vip', 'complaints', 'support', 'community', 'general', 'follow-up'];

const TEAM: AgentInput[] = [
  { id: 'amelie', name: 'Amélie Laurent', tier: 'senior', skills: ['vip', 'pii'], languages: ['fr', 'en'], queues: ALL_QUEUES, capacity: 6, rating: 4.8, active: true },
  { id: 'jonas', name: 'Jonas Weber', tier: 'agent', skills: [], languages: ['de', 'en'], queues: ['urgent', 'support', 'general', 'complaints', 'follow-up'], capacity: 5, rating: 4.3, active: true },
  { id: 'lucia', name: 'Lucía Romero', tier: 'agent', skills: [], languages: ['es', 'en'], queues: ['support', 'general', 'community', 'follow-up'], capacity: 5, rating: 4.5, active: true },
  { id: 'andrei', name: 'Andrei Popescu', tier: 'agent', skills: [], languages: ['ro', 'en', 'fr'], queues: ['support', 'general', 'complaints', 'community'], capacity: 5, rating: 4.1, active: true },
  { id: 'grace', name: 'Grace Okafor', tier: 'supervisor', skills: ['vip'], languages: ['en'], queues: ['urgent', 'incident', 'vip', 'complaints'], capacity: 4, rating: 4.9, active: true },
];

/** Demo contributor: the team above, so tickets are assigned on first start. */
export async function installDemoAgents(services: Services): Promise<void> {
  const store = new AgentStore(services.database.db, services.clock);
  for (const agent of TEAM) await store.create(agent);
}
