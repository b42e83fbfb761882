import { orgDirectorySearch } from './org-directory-search.js';
import { platformStartup } from './platform-startup.js';
import type { Bench } from './report.js';

/** Every benchmark by name, listed explicitly. */
export const benches: Record<string, Bench> = {
  'org.directory_search': orgDirectorySearch,
  'platform.startup': platformStartup,
};
