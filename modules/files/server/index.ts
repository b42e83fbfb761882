/** The files module's public server API: what other modules may call. */
export { fileViewsByIds, setFileScope } from './share-file.js';
export type { FilesTables } from './tables.js';
