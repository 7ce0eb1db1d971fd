import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logFilterFor } from "@/lib/log/access";
import { logAsText } from "@/lib/log/service";

/** The plan log as the template's text block, for the chosen learner and filters. */
export async function GET(request: Request) {
  const signedIn = await currentUser();
  if (!signedIn) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  try {
    const filter = await logFilterFor(signedIn, Object.fromEntries(new URL(request.url).searchParams));
    return new Response(await logAsText(filter), {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="plan-log-${filter.learnerName.replace(/[^\w-]/g, "_")}.txt"`,
      },
    });
  } catch (error) {
    if (error instanceof AppError) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
}
