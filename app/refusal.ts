// What a page does when reading fails: asking for another learner's data (their plan, library,
// log, progress, report) answers 404 as if there were nothing, because whether it exists must
// not leak; any other expected failure is returned for the page to show; a bug is rethrown.
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export function notFoundIfForbidden(error: unknown): AppError {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "forbidden") notFound();
  return error;
}
