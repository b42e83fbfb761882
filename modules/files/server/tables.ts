import type { Kysely } from 'kysely';

/** Tables the files module owns. */
export interface FilesTables {
  file_files: {
    id: string;
    owner_id: string;
    /** Who may read it besides the owner: `user:<id>` (private), `org:all`, or a module's `<prefix>:<id>`. */
    scope: string;
    /** Sanitized for display only; the bytes live under storage_key, which Skein generates. */
    name: string;
    size: number;
    content_type: string;
    sha256: string;
    storage_key: string;
    created_at: number;
    deleted_at: number | null;
  };
}

export type FilesDb = Kysely<FilesTables>;
