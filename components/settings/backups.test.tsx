// Settings → Your data → Backups as it renders on each database: the button and the archives on
// SQLite; on PostgreSQL, whose own backups are the install's, the sentence saying so and no button.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Backups } from "@/components/settings/backups";
import { inAppBackups } from "@/lib/backup/availability";

// The form's client component needs the app router; a plain form stands in for it.
vi.mock("@/components/ui/form", async () => {
  const { createElement } = await import("react");
  return {
    ActionForm: ({ label, children }: { label: string; children: ReactNode }) => createElement("form", { "aria-label": label }, children),
    SubmitButton: ({ children }: { children: ReactNode }) => createElement("button", { type: "submit" }, children),
  };
});

const action = async () => ({});
const archive = {
  archive: "/data/backups/backup-2026-03-09-manual.zip",
  name: "backup-2026-03-09-manual.zip",
  bytes: 20_480,
  createdAt: new Date(),
};

describe("Backups on Settings", () => {
  it("on SQLite, lists the archives beside the button that takes one", () => {
    const html = renderToStaticMarkup(<Backups backups={inAppBackups("sqlite")} archives={[archive]} action={action} className="box" />);
    expect(html).toContain('<form aria-label="Back up now">');
    expect(html).toContain('<button type="submit">Back up now</button>');
    expect(html).toContain("<code>backup-2026-03-09-manual.zip</code> · 20 KB");
    expect(html).toContain("npm run restore");
    expect(renderToStaticMarkup(<Backups backups={inAppBackups("sqlite")} archives={[]} action={action} className="box" />)).toContain(
      "No backups yet.",
    );
  });

  it("on PostgreSQL, says that backups are the database's own, pointing to the README, without a button", () => {
    const backups = inAppBackups("postgresql");
    const html = renderToStaticMarkup(<Backups backups={backups} archives={[]} action={action} className="box" />);
    expect(html).not.toContain("<form");
    expect(html).not.toContain("<button");
    expect(html).not.toContain("npm run restore");
    expect(html).toContain("backups are the database&#x27;s own");
    expect(html).toContain("“Team server” in the README");
  });
});
