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
      className="rounded border border-line px-3 py-1.5 text-sm hover:bg-sunken"
      aria-label={`${LABELS[theme]}, click to change`}
    >
      {SHOWN[theme]}
    </button>
  );
}
