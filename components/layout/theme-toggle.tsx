"use client";

import { useState } from "react";
import { type Theme, THEME_COOKIE, THEMES } from "@/lib/ui/theme";

const SHOWN: Record<Theme, string> = { system: "Auto", light: "Light", dark: "Dark" };
const LABELS: Record<Theme, string> = { system: "Auto theme (follows the system)", light: "Light theme", dark: "Dark theme" };

export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function cycle() {
    const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    setTheme(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    const dark = next === "dark" || (next === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  }
  return (
    <button
      type="button"
      onClick={cycle}
      className="flex items-center rounded border border-line px-2 py-1.5 text-sm hover:bg-sunken sm:px-3"
      aria-label={`${LABELS[theme]}, click to change`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-5 w-4 sm:hidden">
        <circle cx="8" cy="8" r="5.5" fill={theme === "dark" ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.5" />
        {theme === "system" ? <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" /> : null}
      </svg>
      <span className="sr-only sm:not-sr-only">{SHOWN[theme]}</span>
    </button>
  );
}
