"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** The page a link inside a rendered text opens in the app, or null when the browser should follow it itself. */
function inAppTarget(event: Event): string | null {
  const link = event.target instanceof Element ? event.target.closest("a") : null;
  if (!link?.closest(".prose") || link.target || link.hasAttribute("download")) return null;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return null;
  // A jump within the page is the browser's to make.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Texts are sent as HTML (lib/markdown/html.ts), so their links are plain anchors. This makes a link
 * inside a text to another page of the app open the way the app's own links do (components/ui/link.tsx):
 * shown without reloading the page. One listener for the document.
 */
export function InAppLinks() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = inAppTarget(event);
      if (!target) return;
      event.preventDefault();
      router.push(target);
    };
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
    };
  }, [router]);
  return null;
}
