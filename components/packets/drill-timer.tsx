"use client";

import { useEffect, useState } from "react";

/** A stopwatch for a drill; the elapsed seconds go into the form when the attempt is recorded. */
export function DrillTimer({ timeboxMinutes }: { timeboxMinutes?: number }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - startedAt) / 1000)), 500);
    return () => clearInterval(timer);
  }, [startedAt]);
  const minutes = Math.floor(elapsed / 60);
  const over = timeboxMinutes !== undefined && elapsed > timeboxMinutes * 60;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      <span role="timer" aria-live="off" className={`font-mono text-lg ${over ? "text-danger" : ""}`}>
        {String(minutes).padStart(2, "0")}:{String(elapsed % 60).padStart(2, "0")}
      </span>
      {timeboxMinutes ? (
        <span className="text-sm text-muted">
          time box {timeboxMinutes} min{over ? " — over" : ""}
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => {
          setElapsed(0);
          setStartedAt(Date.now());
        }}
        className="rounded border border-line px-3 py-1 text-sm"
      >
        {startedAt === null ? "Start timer" : "Restart timer"}
      </button>
      {startedAt !== null ? (
        <button type="button" onClick={() => setStartedAt(null)} className="rounded border border-line px-3 py-1 text-sm">
          Stop
        </button>
      ) : null}
      <label className="text-sm">
        Seconds
        <input
          name="seconds"
          type="number"
          min={1}
          value={elapsed || ""}
          onChange={(e) => setElapsed(Number(e.target.value))}
          className="ml-2 w-24 rounded border border-line bg-surface px-2 py-1"
        />
      </label>
    </div>
  );
}
