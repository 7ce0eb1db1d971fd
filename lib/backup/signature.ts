// Backup signatures. Checksums detect damage, not edits: anyone who changes an archive can
// recompute them. So every archive also carries `signature.json`, an HMAC-SHA256 made with this
// install's key (`data/secrets/backup.key`, never inside an archive) over the exact bytes of
// `manifest.json`, which names the archive (format, version, time, reason) and lists the path,
// size and SHA-256 of every entry restored. Without the key the signature cannot be remade.
import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { z } from "zod";

export const SIGNATURE_ENTRY = "signature.json";
const SIGNATURE_ALGORITHM = "HMAC-SHA256";
const SIGNED_ENTRY = "manifest.json";
// Domain separation: this key signs nothing else, but the purpose is part of what is signed.
const SIGNING_CONTEXT = "mastery-backup-signature-v1\n";
const KEY_ID_CONTEXT = "mastery-backup-key-id-v1";

export type Signature = { algorithm: typeof SIGNATURE_ALGORITHM; keyId: string; signed: typeof SIGNED_ENTRY; value: string };

const SignatureSchema = z.object({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signed: z.literal(SIGNED_ENTRY),
  value: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A short public name of a key (it reveals nothing of the key), to tell installs' archives apart. */
export function keyIdOf(key: string): string {
  return createHmac("sha256", key).update(KEY_ID_CONTEXT).digest("hex").slice(0, 16);
}

function mac(manifestBytes: Uint8Array, key: string): Buffer {
  return createHmac("sha256", key).update(SIGNING_CONTEXT).update(manifestBytes).digest();
}

export function signManifest(manifestBytes: Uint8Array, key: string): Signature {
  return { algorithm: SIGNATURE_ALGORITHM, keyId: keyIdOf(key), signed: SIGNED_ENTRY, value: mac(manifestBytes, key).toString("hex") };
}

/**
 * Who signed the archive, as far as this install can tell:
 * - `signed`: by this install's key, over exactly this manifest;
 * - `unsigned`: no signature (an archive from before signing, or one whose signature was removed);
 * - `foreign`: signed with another key: another install's archive, or one edited and signed again
 *   with a key of the editor's choosing (the two cannot be told apart);
 * - `altered`: names this install's key but does not match the manifest (changed after signing),
 *   or the signature entry is unreadable.
 */
export type SignatureCheck =
  | { status: "signed"; keyId: string }
  | { status: "unsigned"; ownKeyId: string }
  | { status: "foreign"; keyId: string; ownKeyId: string }
  | { status: "altered"; ownKeyId: string; detail: string };

/** `signatureJson` is the text of `signature.json`, or null when the archive has none. */
export function checkSignature(manifestBytes: Uint8Array, signatureJson: string | null, key: string): SignatureCheck {
  const ownKeyId = keyIdOf(key);
  if (signatureJson === null) return { status: "unsigned", ownKeyId };
  let raw: unknown;
  try {
    raw = JSON.parse(signatureJson);
  } catch {
    return { status: "altered", ownKeyId, detail: `its ${SIGNATURE_ENTRY} is not valid JSON` };
  }
  const parsed = SignatureSchema.safeParse(raw);
  if (!parsed.success) return { status: "altered", ownKeyId, detail: `its ${SIGNATURE_ENTRY} is not a signature this app writes` };
  const signature = parsed.data;
  if (signature.keyId !== ownKeyId) return { status: "foreign", keyId: signature.keyId, ownKeyId };
  const expected = mac(manifestBytes, key);
  const found = Buffer.from(signature.value, "hex");
  if (found.length !== expected.length || !timingSafeEqual(found, expected)) {
    return {
      status: "altered",
      ownKeyId,
      detail:
        "its signature names this install's key but does not match the archive's manifest, so the archive was changed after it was signed",
    };
  }
  return { status: "signed", keyId: signature.keyId };
}

export const ALLOW_UNSIGNED_FLAG = "--allow-unsigned";

function untrustedReason(check: Exclude<SignatureCheck, { status: "signed" }>, name: string): string {
  switch (check.status) {
    case "unsigned":
      return `${name} is not signed by this install: it carries no ${SIGNATURE_ENTRY}. Archives made before backups were signed have none, and neither has an archive whose signature was removed; this cannot tell the two apart.`;
    case "foreign":
      return `${name} is not signed by this install: it is signed with another key (key id ${check.keyId}; this install's is ${check.ownKeyId}). It may come from another install (a move to another machine) or have been edited and signed again with another key; this cannot tell the two apart. To trust another install's archives, copy its data/secrets/backup.key here before restoring.`;
    case "altered":
      return `${name} is not signed by this install: ${check.detail}.`;
  }
}

/** The case in a few words, e.g. for a warning after restoring such an archive anyway. */
export function untrustedSummary(check: Exclude<SignatureCheck, { status: "signed" }>): string {
  return {
    unsigned: "it carries no signature",
    foreign: "it is signed with another install's key",
    altered: "its signature does not match its contents",
  }[check.status];
}

/** Why an archive is not trusted, for the operator: which case it is and how to restore it anyway. */
export function describeUntrusted(check: Exclude<SignatureCheck, { status: "signed" }>, archive: string): string {
  const quoted = /\s/.test(archive) ? JSON.stringify(archive) : archive;
  return (
    `${untrustedReason(check, path.basename(archive))} Its checksums match, but anyone who edits an archive can recompute those. ` +
    `Check where it came from; if you trust it, restore it anyway with: npm run restore -- ${quoted} ${ALLOW_UNSIGNED_FLAG}`
  );
}
