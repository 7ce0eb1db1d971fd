import { Field } from "@/components/ui/form";
import { timeZoneNames } from "@/lib/time/zone";
import { BrowserTimeZone } from "./browser-time-zone";

/**
 * A person's time zone: any IANA name, with every zone this server knows suggested as one types.
 * With `fromBrowser`, the browser's own zone replaces the default once scripts run.
 */
export function TimeZoneField({ defaultValue, hint, fromBrowser }: { defaultValue: string; hint?: string; fromBrowser?: boolean }) {
  return (
    <>
      <Field name="timeZone" label="Time zone" list="time-zone-names" defaultValue={defaultValue} hint={hint} autoComplete="off" />
      <datalist id="time-zone-names">
        {timeZoneNames().map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {fromBrowser ? <BrowserTimeZone name="timeZone" /> : null}
    </>
  );
}
