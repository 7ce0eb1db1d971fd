// Builds the app for `next start` when its sources changed since the last build (`npm test` runs
// this beside the typecheck, so the browser tests find the build ready).
import { buildIfStale } from "./build-stamp";

buildIfStale();
