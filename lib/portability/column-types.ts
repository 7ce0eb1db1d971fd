// The column types of a learner export (format version 2) and their values, the same whichever
// database wrote them: what an export writes for a value Prisma read, whether a value is of its
// stated type, how a version 1 file's stored value becomes one, and the stored form the
// database's bulk insert takes.
import { z } from "zod";
import { type StoredRow, storedTime } from "../db";

export const COLUMN_TYPES = ["string", "int", "boolean", "datetime", "json"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A time in an export: ISO 8601 in UTC, ending in `Z`, as `Date.prototype.toISOString` writes it. */
export const DatetimeSchema = z.iso.datetime();

/** Whether a value, other than null, is one of the type (whether a column may be null is its table's rule). */
const IS: Record<ColumnType, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  int: (value) => Number.isSafeInteger(value),
  boolean: (value) => typeof value === "boolean",
  datetime: (value) => DatetimeSchema.safeParse(value).success,
  // Whatever JSON.parse gives, or Prisma reads from a Json column, is a JSON value.
  json: () => true,
};

const NAMED: Record<ColumnType, string> = {
  string: "a string",
  int: "a whole number",
  boolean: "true or false",
  datetime: "an ISO 8601 UTC time ending in Z",
  json: "a JSON value",
};

/** Why a value is not of its column's type, or null when it is. */
export function typeProblem(type: ColumnType, value: unknown): string | null {
  return value === null || IS[type](value) ? null : `expected ${NAMED[type]}`;
}

/** The value an export writes for what Prisma read from a column of this type. */
export function exportedValue(type: ColumnType, value: unknown): unknown {
  const typed = value instanceof Date ? value.toISOString() : (value ?? null);
  const problem = typeProblem(type, typed);
  if (problem) throw new Error(`The database gave ${JSON.stringify(typed)} for a ${type} column: ${problem}.`);
  return typed;
}

/**
 * A version 1 file's value (as SQLite stored it: times as text or milliseconds, flags as 0/1,
 * JSON as text) in the typed form; a value of neither form is left for the type check to name.
 */
export function fromStoredValue(type: ColumnType, value: unknown): { value: unknown } | { problem: string } {
  if (value === null) return { value };
  switch (type) {
    case "datetime": {
      const time = typeof value === "string" || typeof value === "number" ? new Date(value) : null;
      return time && !Number.isNaN(time.getTime()) ? { value: time.toISOString() } : { problem: "not a time" };
    }
    case "boolean":
      return { value: value === 1 ? true : value === 0 ? false : value };
    case "json":
      if (typeof value !== "string") return { problem: "not JSON text" };
      try {
        return { value: JSON.parse(value) as unknown };
      } catch {
        return { problem: "not valid JSON" };
      }
    default:
      return { value };
  }
}

/** A checked value (times as Date) in the form the database's bulk insert takes: times as `storedTime`, flags as 1/0, JSON as text. */
export function storedValue(type: ColumnType, value: unknown): StoredRow[string] {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "datetime":
      return storedTime(value as Date);
    case "boolean":
      return value ? 1 : 0;
    case "json":
      return JSON.stringify(value);
    default:
      return value as string | number;
  }
}
