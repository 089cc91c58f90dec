// Collects items arriving faster than the screen can show them and hands them over once per animation frame, so a
// stream of 10,000 rows means ~60 store updates a second at most, not 10,000.

export type Schedule = (callback: () => void) => unknown;

const nextFrame: Schedule = (callback) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => callback()) : setTimeout(callback, 16);

export interface FrameBatcher<T> {
  add(item: T): void;
  /** Hand over what is waiting now (at the end of a stream, before reporting it finished). */
  flush(): void;
}

export function frameBatcher<T>(deliver: (items: T[]) => void, schedule: Schedule = nextFrame): FrameBatcher<T> {
  let waiting: T[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (waiting.length === 0) return;
    const items = waiting;
    waiting = [];
    deliver(items);
  };
  return {
    add(item) {
      waiting.push(item);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
  };
}
