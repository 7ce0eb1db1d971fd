// Sizes as the limits are documented and as forms name them. Client-safe: the file input checks
// a chosen file with the same words the server uses.

const MB = 1024 * 1024;

/** Bytes in megabytes as documented (1 MB = 1,048,576 bytes), e.g. "10 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** What a form says of a chosen file over its limit, before or after sending it. */
export function fileLimitMessage(maxBytes: number): string {
  return `files are limited to ${megabytes(maxBytes)}`;
}
