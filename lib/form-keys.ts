// The key each rendering of a form sends, so the server runs a double submit once (form-submissions.ts).
import { z } from "zod";

/** The field that carries it. */
export const FORM_KEY = "formKey";

/** 32 hex digits, made in the browser. */
export const FormKeySchema = z.string().regex(/^[0-9a-f]{32}$/);
