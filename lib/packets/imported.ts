// Attempts that came with an imported profile: their verdicts were given in another install, so
// wherever a packet's status shows, an imported completion says so.

/** The words shown beside an imported completion, everywhere a status shows. */
export const IMPORTED_COMPLETION = "imported, not reviewed here";

/** Whether this attempt is completed by a verdict given in another install. */
export function isImportedCompletion(packet: { status: string; importedAt: Date | null }): boolean {
  return packet.status === "completed" && packet.importedAt !== null;
}
