/**
 * The saved plan never leaves the runner in clear text: forge-plan seals `tfplan` and its JSON with AES-256-GCM
 * before they are uploaded, and forge-apply (and Sentinel's validation job) open them. The key is the repository
 * secret INFRACREW_PLAN_KEY, 32 random bytes in base64 (`openssl rand -base64 32`). Each file gets a fresh random
 * 12-byte IV; the stack, the commit and the file's name are the associated data, so a sealed file only opens as
 * the file it was for, of the stack and commit it was planned at. node:crypto only.
 *
 * A sealed file: "ICP1" (4 bytes) | IV (12 bytes) | GCM tag (16 bytes) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const PLAN_KEY_SECRET = "INFRACREW_PLAN_KEY";
export const SEALED_SUFFIX = ".enc";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAGIC = Buffer.from("ICP1", "ascii");
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES;

/** What a sealed file is bound to: it opens only for the same stack, commit and file name. */
export interface SealedFor {
  readonly stack: string;
  readonly sha: string;
  /** The plaintext file's name in the artifact: `tfplan` or `tfplan.json`. */
  readonly file: string;
}

export type KeyRead =
  { readonly ok: true; readonly key: Buffer } | { readonly ok: false; readonly message: string };

/**
 * Reads the key from the secret's text. The message never repeats the value: it says what is wrong and how to make
 * a good one.
 */
export function readPlanKey(text: string): KeyRead {
  const how = `create it with \`openssl rand -base64 32\` and store it as the repository secret ${PLAN_KEY_SECRET}`;
  const value = text.trim();
  if (value === "")
    return {
      ok: false,
      message: `the plan encryption key is missing (the secret ${PLAN_KEY_SECRET} is not set): ${how}`,
    };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) {
    return { ok: false, message: `the plan encryption key ${PLAN_KEY_SECRET} is not base64: ${how}` };
  }
  const key = Buffer.from(value, "base64");
  if (key.length !== KEY_BYTES) {
    return {
      ok: false,
      message: `the plan encryption key ${PLAN_KEY_SECRET} decodes to ${key.length} bytes, not ${KEY_BYTES}: ${how}`,
    };
  }
  return { ok: true, key };
}

function associatedData(bound: SealedFor): Buffer {
  return Buffer.from(`infracrew-plan/v1\n${bound.stack}\n${bound.sha}\n${bound.file}`, "utf8");
}

/** Seals a file's bytes for `bound` with a fresh random IV. */
export function seal(key: Buffer, plaintext: Uint8Array, bound: SealedFor): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(associatedData(bound));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

export type Opened =
  { readonly ok: true; readonly plaintext: Buffer } | { readonly ok: false; readonly message: string };

/**
 * Opens a sealed file. It refuses anything but a file sealed with this key for exactly `bound`: another key, another
 * stack, commit or file, and any change to a single byte all fail GCM's authentication, with the same message.
 */
export function open(key: Buffer, sealed: Uint8Array, bound: SealedFor): Opened {
  const bytes = Buffer.from(sealed);
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    return { ok: false, message: `${bound.file}${SEALED_SUFFIX} is not a sealed Infracrew plan file` };
  const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = bytes.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(associatedData(bound));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
    return { ok: true, plaintext };
  } catch {
    return {
      ok: false,
      message: `${bound.file}${SEALED_SUFFIX} does not open with ${PLAN_KEY_SECRET} for ${bound.stack} at ${bound.sha}: another key, another stack or commit, or a changed file`,
    };
  }
}
