// Renders only the rows in view (and a few around them) of a long list of fixed-height rows: 10,000 results cost
// the DOM of ~30. The scroll height stays true through two spacers.
import { useCallback, useEffect, useState, type RefObject } from 'react';

const OVERSCAN = 8;

export interface VirtualWindow {
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number): VirtualWindow {
  const first = Math.floor(scrollTop / rowHeight);
  const start = Math.max(0, Math.min(count, first - OVERSCAN));
  const end = Math.min(count, first + Math.ceil(viewportHeight / rowHeight) + OVERSCAN);
  return { start, end, padTop: start * rowHeight, padBottom: Math.max(0, (count - end) * rowHeight) };
}

export function useVirtualRows(viewport: RefObject<HTMLElement | null>, count: number, rowHeight: number): VirtualWindow & { scrollTo(index: number): void } {
  const [scroll, setScroll] = useState({ top: 0, height: 400 });
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setScroll({ top: element.scrollTop, height: element.clientHeight || 400 });
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [viewport]);
  /** Bring a row into view (keyboard moves). */
  const scrollTo = useCallback(
    (index: number) => {
      const element = viewport.current;
      if (!element) return;
      const top = index * rowHeight;
      // The sticky header covers the first row's height.
      if (top < element.scrollTop + rowHeight) element.scrollTop = Math.max(0, top - rowHeight);
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [viewport, rowHeight],
  );
  return { ...virtualWindow(count, rowHeight, scroll.top, scroll.height), scrollTo };
}
