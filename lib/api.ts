// JSON API plumbing: parse a JSON body safely and turn expected failures into 4xx answers
// naming the field, never a 500 for bad input.
import { NextResponse } from "next/server";
import { AppError } from "./errors";

export const MAX_JSON_BYTES = 1_000_000;

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("invalid", "The request body is larger than 1 MB.", { body: "too large" });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The request body is not valid JSON.", { body: "invalid JSON" });
  }
}

export async function answer(work: () => Promise<unknown>, status = 200): Promise<NextResponse> {
  try {
    return NextResponse.json(await work(), { status });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json(error.toJSON(), { status: error.status });
    throw error;
  }
}
