// The key each rendering of a form sends, so the server runs a double submit once (form-submissions.ts).
// Client-safe: the form component imports it, so it imports nothing.

/** The field that carries it. */
export const FORM_KEY = "formKey";
