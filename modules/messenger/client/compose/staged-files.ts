/*
 * The attachment tray: files and images picked or pasted wait here until the Send action,
 * so both kinds go the same way, each can be taken out again, and picking a file twice keeps
 * one copy.
 */

export interface StagedFile {
  id: string;
  file: File;
  /** A thumbnail (object URL) for images the message list shows inline; null for other files. */
  url: string | null;
}

export const MAX_STAGED = 9;

export const isImageFile = (f: File) => /^image\/(png|jpeg|gif|webp)$/.test(f.type);

/** The same file picked again: a browser gives a new File object each time, so compare what it is. */
const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified && a.type === b.type;

/**
 * The tray with `files` added after what it holds: a file already there (or twice in `files`)
 * is kept once, and nothing beyond `max` fits (`overflow` says something was left out).
 */
export function stageFiles(
  tray: StagedFile[],
  files: File[],
  make: (file: File) => StagedFile,
  max = MAX_STAGED,
): { tray: StagedFile[]; overflow: boolean } {
  const next = [...tray];
  let overflow = false;
  for (const file of files) {
    if (next.some((s) => sameFile(s.file, file))) continue;
    if (next.length >= max) {
      overflow = true;
      continue;
    }
    next.push(make(file));
  }
  return { tray: next, overflow };
}

/** "12 KB", "3.4 MB": how big a staged file is, in the tray. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
