"use client";

import { type ReactNode, useEffect, useRef } from "react";

// Tailwind's `lg`, where the page gives the table of contents a column of its own.
const WIDE = "(min-width: 64rem)";

/**
 * A <details> that is open on wide screens and closed on narrow ones until opened. Before scripts
 * run, globals.css (`.toc-panel`) already shows its content on wide screens; this sets `open` to
 * match, for assistive technology, and follows the screen as it turns or resizes.
 */
export function OpenWhenWide({ className, children }: { className: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const wide = matchMedia(WIDE);
    const follow = () => {
      if (details.current) details.current.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
    return () => wide.removeEventListener("change", follow);
  }, []);
  return (
    <details ref={details} className={className}>
      {children}
    </details>
  );
}
