import type { ReactNode } from "react";

export function Section({ id, title, children }: { id?: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={id ? `${id}-title` : undefined} className="mt-8">
      <h2 id={id ? `${id}-title` : undefined} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
