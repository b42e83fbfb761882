import fs from 'node:fs';

/**
 * The checkpoint sequence number in the header of SQLite's `-wal` file (bytes 12–15, big-endian):
 * SQLite bumps it each time it starts the WAL over after a checkpoint. Read from outside the
 * server, the difference over a phase counts the WAL restarts after complete checkpoints. Since
 * issue #6 those checkpoints run in the server's checkpointer thread
 * (platform/server/db/sqlite-checkpointer.ts), not inside commits on the event loop; the count
 * shows the checkpointer keeps up. Undefined when there is no WAL file (PostgreSQL, or not yet written).
 */
export function walCheckpointSeq(sqliteFile: string | undefined): number | undefined {
  if (!sqliteFile) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(`${sqliteFile}-wal`, 'r');
  } catch {
    return undefined;
  }
  try {
    const header = Buffer.alloc(16);
    if (fs.readSync(fd, header, 0, 16, 0) < 16) return undefined;
    return header.readUInt32BE(12);
  } finally {
    fs.closeSync(fd);
  }
}
