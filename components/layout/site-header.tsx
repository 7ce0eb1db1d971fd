import { Link } from "@/components/ui/link";
import type { Theme } from "@/lib/ui/theme";
import { SearchDialog } from "@/components/search/search-dialog";
import { Disclosure } from "./disclosure";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

const NAV_ITEMS = [
  { href: "/", label: "Dashboard" },
  { href: "/programs/current", label: "Modules" },
  { href: "/review", label: "Review" },
  { href: "/patterns", label: "Patterns" },
  { href: "/playbook", label: "Playbook" },
  { href: "/plans", label: "Plans" },
  { href: "/log", label: "Log" },
  { href: "/time", label: "Time" },
] as const;

/**
 * One row at every width: the name, the primary navigation (in a row where it fits — the
 * `nav-wide` breakpoint of globals.css — and behind a "Menu" button below it), then search, the
 * theme and the account menu.
 */
export function SiteHeader({ theme }: { theme: Theme }) {
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-(--header-height) max-w-6xl items-center gap-1.5 px-3 sm:gap-4 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight">
          Mastery
        </Link>
        <nav aria-label="Main" className="flex-1">
          <div className="hidden nav-wide:block">
            <NavLinks items={NAV_ITEMS} layout="row" />
          </div>
          <Disclosure
            className="w-fit nav-wide:hidden"
            summaryClassName="rounded border border-line px-2 py-1.5 text-sm hover:bg-sunken sm:px-3"
            panelClassName="left-0 w-48"
            summary="Menu"
          >
            <NavLinks items={NAV_ITEMS} layout="column" />
          </Disclosure>
        </nav>
        <div className="flex items-center gap-1.5 sm:gap-2">
          <SearchDialog />
          <ThemeToggle initial={theme} />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
