import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ConnectionStatus } from '../../shared/realtime-protocol.js';
import type { PresenceStore } from './presence-store.js';

// Per user a hash: field `n:<node>` = `<active|idle>:<expires ms>` for each node holding a
// socket of theirs, and `agg` = the status last published. Per node a set of its users, and
// one sorted set of nodes by last heartbeat, so a live node can clean up after a dead one.
const USER_KEY = 'skein:rt:pr:u:';
const NODE_USERS_KEY = 'skein:rt:pr:n:';
const NODES_KEY = 'skein:rt:pr:nodes';

// Shared by the scripts: the user's status from the parts not yet expired (expired ones are
// deleted when `prune`), and the comparison with the last published status.
const AGGREGATE = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function aggregate(key, now, prune)
  local all = redis.call('HGETALL', key)
  local best = 'offline'
  for i = 1, #all, 2 do
    local f = all[i]
    if string.sub(f, 1, 2) == 'n:' then
      local v = all[i + 1]
      local sep = string.find(v, ':', 1, true)
      local part = string.sub(v, 1, sep - 1)
      if tonumber(string.sub(v, sep + 1)) < now then
        if prune then redis.call('HDEL', key, f) end
      elseif part == 'active' then best = 'online'
      elseif best == 'offline' then best = 'away' end
    end
  end
  return best
end
local function settle(key, now, ttl)
  local best = aggregate(key, now, true)
  local old = redis.call('HGET', key, 'agg') or 'offline'
  if best == 'offline' then redis.call('DEL', key) else
    redis.call('HSET', key, 'agg', best)
    redis.call('PEXPIRE', key, ttl * 2)
  end
  if best ~= old then return best end
  return false
end
`;

// KEYS: user hash, node's user set. ARGV: node, part ('' = none), ttl ms, user id.
const REPORT = `${AGGREGATE}
local now = now_ms()
local field = 'n:' .. ARGV[1]
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], field)
  redis.call('SREM', KEYS[2], ARGV[4])
else
  redis.call('HSET', KEYS[1], field, ARGV[2] .. ':' .. (now + tonumber(ARGV[3])))
  redis.call('SADD', KEYS[2], ARGV[4])
end
return settle(KEYS[1], now, tonumber(ARGV[3]))`;

// KEYS: user hashes. ARGV: node, ttl ms, then the users' ids. Pushes this node's parts'
// expiry forward; returns the users whose part is missing (Redis lost it, or a report
// failed), for the node to report again in order with its other reports.
const REFRESH = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local field = 'n:' .. ARGV[1]
local ttl = tonumber(ARGV[2])
local missing = {}
for i, key in ipairs(KEYS) do
  local v = redis.call('HGET', key, field)
  if v then
    local sep = string.find(v, ':', 1, true)
    redis.call('HSET', key, field, string.sub(v, 1, sep - 1) .. ':' .. (now + ttl))
    redis.call('PEXPIRE', key, ttl * 2)
  else
    table.insert(missing, ARGV[2 + i])
  end
end
return missing`;

// KEYS: nodes zset. ARGV: node, ttl ms, user key prefix, node set prefix. Marks this node alive,
// claims nodes silent for longer than the TTL (ZREM: one claimant), drops their parts, and
// returns {user, status} for each user whose status changed.
const SWEEP = `${AGGREGATE}
local now = now_ms()
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', ARGV[4] .. ARGV[1], 86400000)
local changed = {}
for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - ttl)) do
  if redis.call('ZREM', KEYS[1], node) == 1 then
    local setKey = ARGV[4] .. node
    for _, user in ipairs(redis.call('SMEMBERS', setKey)) do
      local key = ARGV[3] .. user
      redis.call('HDEL', key, 'n:' .. node)
      local status = settle(key, now, ttl)
      if status then
        table.insert(changed, user)
        table.insert(changed, status)
      end
    end
    redis.call('DEL', setKey)
  end
end
return changed`;

// KEYS: user hashes. Returns each one's status, ignoring expired parts.
const READ = `${AGGREGATE}
local now = now_ms()
local out = {}
for i, key in ipairs(KEYS) do out[i] = aggregate(key, now, false) end
return out`;

type PresenceRedis = Redis & {
  prReport(user: string, nodeSet: string, node: string, part: string, ttl: number, userId: string): Promise<string | null>;
  prRefresh(...args: Array<string | number>): Promise<string[]>;
  prSweep(nodes: string, node: string, ttl: number, userPrefix: string, nodePrefix: string): Promise<string[]>;
  prRead(...args: Array<string | number>): Promise<string[]>;
};

// One script call per this many users: a node with 50,000 people on it refreshes in 100 calls.
const CHUNK = 500;

/**
 * Presence pooled in Redis. Every part expires `ttlMs` after the node's last heartbeat, so the
 * sockets of a node that died without a word (SIGKILL, power) stop counting by themselves; the
 * next sweep by a live node publishes the resulting changes.
 */
export async function redisPresenceStore(url: string, ttlMs: number): Promise<PresenceStore> {
  const node = randomUUID();
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5000 }) as PresenceRedis;
  redis.on('error', () => {});
  await redis.connect();
  redis.defineCommand('prReport', { numberOfKeys: 2, lua: REPORT });
  redis.defineCommand('prRefresh', { lua: REFRESH });
  redis.defineCommand('prSweep', { numberOfKeys: 1, lua: SWEEP });
  redis.defineCommand('prRead', { lua: READ });
  const pairs = (flat: string[]) => {
    const out: Array<[string, ConnectionStatus]> = [];
    for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1] as ConnectionStatus]);
    return out;
  };
  const chunks = (ids: string[]) => {
    const out: string[][] = [];
    for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
    return out;
  };
  return {
    async report(userId, part) {
      const changed = await redis.prReport(USER_KEY + userId, NODE_USERS_KEY + node, node, part ?? '', ttlMs, userId);
      return changed ? (changed as ConnectionStatus) : undefined;
    },
    async refresh(userIds) {
      const missing: string[] = [];
      for (const ids of chunks(userIds)) {
        missing.push(...(await redis.prRefresh(ids.length, ...ids.map((id) => USER_KEY + id), node, ttlMs, ...ids)));
      }
      return missing;
    },
    async sweep() {
      return pairs(await redis.prSweep(NODES_KEY, node, ttlMs, USER_KEY, NODE_USERS_KEY));
    },
    async read(userIds) {
      const out = new Map<string, ConnectionStatus>();
      for (const ids of chunks(userIds)) {
        const statuses = await redis.prRead(ids.length, ...ids.map((id) => USER_KEY + id));
        for (const [i, id] of ids.entries()) out.set(id, statuses[i] as ConnectionStatus);
      }
      return out;
    },
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}
