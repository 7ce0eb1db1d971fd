"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string };

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/programs/current") return pathname.startsWith("/programs");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The primary destinations, in a row (wide screens) or a column (the Menu on narrow screens). */
export function NavLinks({ items, layout }: { items: readonly Item[]; layout: "row" | "column" }) {
  const pathname = usePathname();
  return (
    <ul className={layout === "row" ? "flex gap-1 text-sm" : "grid text-sm"}>
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={active ? "page" : undefined} className="nav-link">
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
