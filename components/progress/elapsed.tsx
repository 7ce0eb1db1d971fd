"use client";

import { useEffect, useState } from "react";

const clock = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, "0")).join(":");
};

/** Time since a moment, ticking every second; the server renders the value at its own clock. */
export function Elapsed({ since, serverNow }: { since: string; serverNow: number }) {
  const start = Date.parse(since);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span role="timer" aria-live="off" className="font-mono text-lg" suppressHydrationWarning>
      {clock((now - start) / 1000)}
    </span>
  );
}
