import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on its own on a phone instead of widening the page. The
 * scrolling region is focusable and named, so that a keyboard user can scroll it too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-region" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
