// Sealing what masking removed from imported conversations: AES-256-GCM under PERSONAL_DATA_KEY, so the
// database alone never gives the originals back, and an admin with the key configured can reveal them.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { personalDataKey } from "./env.server.ts";

const ALGORITHM = "aes-256-gcm";

/** A sealed string (iv.tag.data, base64url), or null when no key is configured and nothing is kept. */
export function seal(plain: string, key = personalDataKey()): string | null {
  if (!key) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url")).join(".");
}

/** The plain text, or null when there is no key or the seal does not open with it. */
export function unseal(sealed: string, key = personalDataKey()): string | null {
  if (!key) return null;
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
