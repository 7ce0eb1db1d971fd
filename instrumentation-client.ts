// Runs in the browser before the app's own code.
import "./lib/zod-jitless";
