// The app's link: it opens its page without reloading the document, and loads nothing ahead.
// Every page here is rendered for its reader and none has a loading state, so a page loaded ahead
// could not be shown any sooner: Next's default sent a request for each navigation and module link
// in view, and loading on the pointer's approach sent two (the route's tree and its metadata) for
// every link reached for, with the click still waiting on a third. In Chromium a click opened the
// pattern library in 103 ms (median of 8) without them and in 120 ms with them.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
