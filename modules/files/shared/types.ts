import { z } from 'zod';
import { idSchema } from '../../../platform/shared/ids.js';

export const fileId = idSchema('fil');

/** What a reader learns about a file: never its storage key or its scope. */
export const fileView = z.object({
  id: fileId,
  /** Display name, sanitized: no path, no control or bidi characters. */
  name: z.string(),
  size: z.number().int().nonnegative(),
  /** Detected from the bytes, not taken from the uploader. */
  contentType: z.string(),
  /** Whether browsers show it in place (safe images) or download it. */
  disposition: z.enum(['inline', 'attachment']),
  sha256: z.string(),
  ownerId: z.string(),
  createdAt: z.iso.datetime(),
});
export type FileView = z.infer<typeof fileView>;
