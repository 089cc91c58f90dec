// The write thread's side (write-thread.ts): its own connection to the file, with the same PRAGMAs, running each
// batch in one write transaction and answering with plain results, or with the error as the client reports it.
import { parentPort, workerData } from 'node:worker_threads';
import { LibsqlBatchError, LibsqlError } from '@libsql/client';
import { NativeClient } from './native-client.ts';
import type { ToWriteThread, WriteReply } from './write-thread.ts';

const { path, pragmas } = workerData as { path: string; pragmas: string[] };
const client = new NativeClient(path, { pragmas, writeThread: false });
const texts = new Map<number, string>();
const port = parentPort!;

port.on('message', (message: ToWriteThread) => {
  for (const [number, sql] of message.texts) texts.set(number, sql);
  let reply: WriteReply;
  try {
    reply = { id: message.id, results: client.writeBatch(message.statements.map(({ text, args }) => ({ sql: texts.get(text)!, args: args as never }))) };
  } catch (error) {
    const found = error as Error & Partial<LibsqlError> & { statementIndex?: number };
    reply = {
      id: message.id,
      error: {
        message: found.message,
        ...(error instanceof LibsqlError ? { code: found.code, extendedCode: found.extendedCode, rawCode: found.rawCode } : {}),
        ...(error instanceof LibsqlBatchError ? { statementIndex: found.statementIndex } : {}),
      },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ id: 0, ready: true } satisfies WriteReply);
