"use client";

import { useOptimistic, useState, useTransition } from "react";

/** Saves a value once and answers with a message to show, or null when saved. */
export type Save<T> = (next: T) => Promise<string | null>;

/**
 * A value saved as soon as it changes: shown changed at once, and back to the saved value, with
 * the server's answer beside it, when the server refuses it.
 */
export function useAutosave<T>(saved: T, save: Save<T>) {
  const [shown, setShown] = useOptimistic(saved);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (next: T) =>
    startTransition(async () => {
      setShown(next);
      setError(await save(next));
    });
  return { shown, error, pending, change };
}
