// The zone a page shows clock times in: the signed-in person's, or the server's for anyone else.
import { cache } from "react";
import { currentUser } from "../auth/session";
import { systemTimeZone } from "./zone";

/** Read once per request, however many timestamps a page shows. */
export const viewerZone = cache(async (): Promise<string> => (await currentUser())?.user.timeZone ?? systemTimeZone());
