import type { FileView } from '../shared/types.js';
import type { FileRow } from './access.js';
import { dispositionOf } from './detect-type.js';

export function toFileView(row: FileRow): FileView {
  return {
    id: row.id as FileView['id'],
    name: row.name,
    size: row.size,
    contentType: row.content_type,
    disposition: dispositionOf(row.content_type),
    sha256: row.sha256,
    ownerId: row.owner_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
