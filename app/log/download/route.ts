import { download } from "@/lib/downloads";
import { logFilterFor } from "@/lib/log/access";
import { logAsText } from "@/lib/log/service";

/** The plan log as the template's text block, for the chosen learner and filters. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const filter = await logFilterFor(signedIn, query);
    return { body: await logAsText(filter), type: "text/plain; charset=utf-8", filename: `plan-log-${filter.learnerName}.txt` };
  });
}
