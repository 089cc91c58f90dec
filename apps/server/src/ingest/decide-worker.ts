// A decide thread (decide-pool.ts): the published rules arrive as data, mentions arrive in batches with the context
// the main thread worked out for each (now, volume counts, open incidents), and decisions go back in order.
import { parentPort } from 'node:worker_threads';
import { RuleEngine, type MentionEvaluation } from '@mentionflow/engine';
import type { DecideReply, ToDecideThread } from './decide-pool.ts';
import { decide, type Decided } from './decided.ts';

const engines = new Map<number, RuleEngine>();
const port = parentPort!;

port.on('message', (message: ToDecideThread) => {
  if (message.type === 'rules') {
    engines.set(message.generation, new RuleEngine({ workflows: message.workflows, settings: message.settings }));
    // Requests name the generation they were made with; the two latest cover a reload while a batch is in flight.
    for (const generation of engines.keys()) if (generation < message.generation - 1) engines.delete(generation);
    return;
  }
  let reply: DecideReply;
  try {
    const engine = engines.get(message.generation);
    if (!engine) throw new Error(`the decide thread has no rules of generation ${message.generation}`);
    reply = { id: message.id, decided: message.evaluations.map((evaluation: MentionEvaluation): Decided => decide(engine, evaluation)) };
  } catch (error) {
    reply = { id: message.id, error: { name: (error as Error).name, message: (error as Error).message, code: (error as { code?: unknown }).code } };
  }
  port.postMessage(reply);
});
port.postMessage({ id: 0, ready: true } satisfies DecideReply);
