import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestClient } from '../../../../platform/server/test/harness.js';
import type { FileView } from '../../shared/types.js';

/**
 * A multipart body written by hand, so tests control the exact file name bytes a hostile
 * client could send (FormData would escape some of them).
 */
export function multipartBody(filename: string, bytes: Uint8Array, field = 'file') {
  const boundary = `----skein${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a file to /api/files and returns the raw response. */
export function postFile(client: TestClient, filename: string, bytes: Uint8Array): Promise<Response> {
  const { body, contentType } = multipartBody(filename, bytes);
  return client.fetch('/api/files', { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** Uploads a file that must be accepted; returns its view. */
export async function uploadFile(client: TestClient, filename: string, bytes: Uint8Array): Promise<FileView> {
  const res = await postFile(client, filename, bytes);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as FileView;
}

/** A tiny but valid PNG (1×1 transparent pixel), padded with random bytes after IEND. */
export function pngBytes(extra = 0): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  return Buffer.concat([png, randomBytes(extra)]);
}
