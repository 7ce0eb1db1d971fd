"use client";

// A link that loads its page ahead when the reader reaches for it (the pointer comes over it, or
// it takes keyboard focus), not every link as soon as it scrolls into view: Next's default sends a
// request for each of a page's twenty-odd navigation and module links on every page view, and every
// page here is rendered for its reader. `prefetch={false}` (long lists) loads nothing ahead.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export function Link({ prefetch, onPointerEnter, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const prefetchOnIntent = () => {
    if (prefetch !== false && typeof props.href === "string" && props.href.startsWith("/")) router.prefetch(props.href);
  };
  return (
    <NextLink
      {...props}
      prefetch={false}
      onPointerEnter={(event) => {
        prefetchOnIntent();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        prefetchOnIntent();
        onFocus?.(event);
      }}
    />
  );
}
