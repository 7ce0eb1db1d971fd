// zod compiles object parsers with `new Function` when it may, and probes for that with a
// `new Function("")` the page policy refuses (no 'unsafe-eval'), which the browser reports as a
// violation. Imported before anything builds a schema: in the browser by instrumentation-client.ts,
// on the server by instrumentation.ts, so both sides parse the same way, without eval.
import { config } from "zod";

config({ jitless: true });
