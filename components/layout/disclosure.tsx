"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * A menu that opens under its button: a native <details>, so it opens and closes without scripts
 * and by keyboard (Enter or Space on the button). With scripts it also closes on Escape (focus
 * goes back to the button), on a click or focus outside it, and after a navigation.
 */
export function Disclosure({
  summary,
  summaryClassName,
  className = "",
  panelClassName,
  children,
}: {
  summary: ReactNode;
  summaryClassName: string;
  className?: string;
  panelClassName: string;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    details.current?.removeAttribute("open");
  }, [pathname]);

  useEffect(() => {
    const element = details.current;
    if (!element) return;
    const closeFrom = (target: EventTarget | null) => {
      if (element.open && target instanceof Node && !element.contains(target)) element.removeAttribute("open");
    };
    const onPointer = (event: PointerEvent) => closeFrom(event.target);
    const onFocus = (event: FocusEvent) => closeFrom(event.target);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !element.open) return;
      element.removeAttribute("open");
      element.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("focusin", onFocus);
    element.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("focusin", onFocus);
      element.removeEventListener("keydown", onKey);
    };
  }, []);

  return (
    <details ref={details} className={`group relative ${className}`}>
      <summary className={`flex cursor-pointer list-none items-center gap-1 [&::-webkit-details-marker]:hidden ${summaryClassName}`}>
        {summary}
        <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3 shrink-0 group-open:rotate-180">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </summary>
      <div className={`absolute z-50 mt-1 card p-1 shadow-lg ${panelClassName}`}>{children}</div>
    </details>
  );
}
