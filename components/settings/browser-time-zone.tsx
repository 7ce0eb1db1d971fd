"use client";

import { useEffect, useRef } from "react";
import { useSubmittedValues } from "@/components/ui/form";

/** Fills a form's time zone input with the browser's zone, unless the person already sent one. */
export function BrowserTimeZone({ name }: { name: string }) {
  const marker = useRef<HTMLSpanElement>(null);
  const sent = useSubmittedValues()[name];
  useEffect(() => {
    if (sent !== undefined) return;
    const input = marker.current?.closest("form")?.elements.namedItem(name);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (input instanceof HTMLInputElement && zone) input.value = zone;
  }, [name, sent]);
  return <span ref={marker} hidden />;
}
