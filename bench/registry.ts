import { messengerFanout } from './messenger-fanout.js';
import { messengerHistory } from './messenger-history.js';
import { messengerIdle } from './messenger-idle.js';
import { messengerSend } from './messenger-send.js';
import { orgDirectorySearch } from './org-directory-search.js';
import { platformStartup } from './platform-startup.js';
import type { Bench } from './report.js';

/** Every benchmark by name, listed explicitly. */
export const benches: Record<string, Bench> = {
  'messenger.fanout': messengerFanout,
  'messenger.history': messengerHistory,
  'messenger.idle': messengerIdle,
  'messenger.send': messengerSend,
  'org.directory_search': orgDirectorySearch,
  'platform.startup': platformStartup,
};
