// Theme preference: stored in a cookie so the server renders the right palette; "system"
// follows the operating system, resolved before first paint by a tiny inline script.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}

export const themeBootScript =
  "(function(){var r=document.documentElement;if(r.dataset.theme==='system'){r.dataset.theme=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}})()";
