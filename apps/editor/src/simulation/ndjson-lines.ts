// Reads a stream of newline-delimited JSON incrementally: bytes are decoded as they arrive (a character split across
// chunks is kept for the next one), and each complete line is parsed once. Nothing waits for the whole body, and
// when chunks pile up faster than they are read, reading pauses every few milliseconds so the page can paint.

/** Longest stretch of reading before the browser gets a turn (a frame is ~16 ms). */
const SLICE_MS = 12;

const browserTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Splits text arriving in pieces into complete lines; the unfinished tail waits for the next piece. */
export class LineSplitter {
  private tail = '';

  /** The complete, non-blank lines this piece finishes. */
  push(piece: string): string[] {
    const text = this.tail + piece;
    const lines = text.split('\n');
    this.tail = lines.pop()!;
    return lines.map(trimLine).filter(Boolean);
  }

  /** The last line when the stream ended without a newline. */
  flush(): string[] {
    const last = trimLine(this.tail);
    this.tail = '';
    return last ? [last] : [];
  }
}

const trimLine = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line).trim();

export class NdjsonError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(`line ${lineNumber} of the answer is not JSON: ${message}`);
  }
}

/**
 * Calls `onValue` with each JSON value of the stream, in order, as soon as its line is complete.
 * e.g. `await readNdjson(response.body!, (event) => handle(event))`.
 */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = new LineSplitter();
  let lineNumber = 0;
  let sliceStart = performance.now();
  const emit = (lines: string[]) => {
    for (const line of lines) {
      lineNumber++;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new NdjsonError(lineNumber, (error as Error).message);
      }
      onValue(value);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      emit(splitter.push(decoder.decode(value, { stream: true })));
      // Buffered chunks resolve one after another without a pause: give the page its turn now and then.
      if (performance.now() - sliceStart > SLICE_MS) {
        await browserTurn();
        sliceStart = performance.now();
      }
    }
    emit(splitter.push(decoder.decode()));
    emit(splitter.flush());
  } catch (error) {
    // Stop the download too: nobody will read the rest.
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
