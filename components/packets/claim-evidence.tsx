"use client";

import { useSubmittedValues } from "@/components/ui/form";
import type { PacketDetail } from "@/lib/packets/queries";

/** The evidence checkboxes of one claim: ticked as last submitted, or as in the previous proof. */
export function ClaimEvidence({ index, items, previous }: { index: number; items: PacketDetail["items"]; previous: string[] }) {
  const name = `claim${index}Evidence`;
  const values = useSubmittedValues();
  const ticked = "packetId" in values ? (values[name]?.split("\n") ?? []) : previous;
  return (
    <div key={JSON.stringify(values)}>
      {items.map((item) => (
        <label key={item.key} className="mr-4 inline-flex items-center gap-1 text-sm">
          <input type="checkbox" name={name} value={item.key} defaultChecked={ticked.includes(item.key)} /> {item.latest.title} (v
          {item.latest.version})
        </label>
      ))}
    </div>
  );
}
