import { AppError } from "@/lib/errors";

/** Any other address under /api/v1 answers with a JSON 404, never an HTML page. */
function notFound(request: Request): Response {
  const error = new AppError(
    "not-found",
    `There is no endpoint ${request.method} ${new URL(request.url).pathname}. The list is at /api/v1/openapi.json.`,
  );
  return error.toResponse();
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
