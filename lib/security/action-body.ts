// Server-action bodies are decoded by React before any of the app's code runs, recursively: a
// body nested a few thousand levels deep overflows the stack and the request fails with a 500.
// The proxy measures the nesting first (a scan, no parsing) and refuses what no form here sends.

/** Far deeper than any form of the app sends, far shallower than the ~4,000 levels that overflow the stack. */
export const MAX_ACTION_NESTING = 256;

/** A request Next.js treats as a server-action call: the client's fetch (Next-Action header) or a form posted without JavaScript. */
export function isServerActionPost(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers.has("next-action")) return true;
  const type = headers.get("content-type")?.toLowerCase() ?? "";
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/** Whether JSON-like text nests arrays and objects deeper than `limit`; brackets inside strings do not count. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The parts of a multipart action body React decodes as its encoded arguments (the rest are the form's own fields and files). */
const ENCODED_PART = /^(\d+|\$ACTION_.*)$/;

/** Whether a server-action body nests deeper than MAX_ACTION_NESTING. */
export async function actionBodyTooDeep(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (!type.startsWith("multipart/form-data")) return nestsDeeperThan(await request.text(), MAX_ACTION_NESTING);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return false; // not decodable as a form at all: Next.js answers that itself
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && ENCODED_PART.test(name) && nestsDeeperThan(value, MAX_ACTION_NESTING)) return true;
  }
  return false;
}
