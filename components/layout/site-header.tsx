import Link from "next/link";
import type { Theme } from "@/lib/ui/theme";
import { SearchDialog } from "@/components/search/search-dialog";
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
] as const;

export function SiteHeader({ theme }: { theme: Theme }) {
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight">
          Mastery
        </Link>
        <nav aria-label="Main" className="order-last w-full overflow-x-auto sm:order-none sm:w-auto sm:flex-1">
          <NavLinks items={NAV_ITEMS} />
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SearchDialog />
          <ThemeToggle initial={theme} />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
