import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Bus, type BusHandlers, type ControlMessage, newEpoch } from './bus.js';

// A hash per topic: `s` its last sequence number, `e` the epoch of that numbering. The epoch
// lives next to the counter so they are lost together (FLUSHDB, a Redis restart without
// persistence, eviction of an idle topic) and a counter that starts again from 0 always comes
// with a new epoch. (Until 2026-12 the counter was a plain `skein:rt:seq:<topic>` string.)
const POSITION_KEY = 'skein:rt:pos:';
const TOPIC_CHANNEL = 'skein:rt:t:';
const CONTROL_CHANNEL = 'skein:rt:ctl';

// Allocating the number and publishing in one script keeps a topic's events in sequence
// order on every node even when several nodes publish to it at the same moment. ARGV[3] is a
// fresh epoch, used only when the topic has none (HSETNX).
const PUBLISH_SCRIPT = `
redis.call('HSETNX', KEYS[1], 'e', ARGV[3])
local epoch = redis.call('HGET', KEYS[1], 'e')
local seq = redis.call('HINCRBY', KEYS[1], 's', 1)
redis.call('PUBLISH', ARGV[1], ARGV[2] .. seq .. ',"epoch":"' .. epoch .. '"}')
return seq`;

// A subscriber's starting point. A topic nobody published to yet gets its epoch here, so
// the first event carries the same epoch as the `subscribed` answer before it.
const POSITION_SCRIPT = `
redis.call('HSETNX', KEYS[1], 'e', ARGV[1])
local pos = redis.call('HMGET', KEYS[1], 's', 'e')
return {tonumber(pos[1]) or 0, pos[2]}`;

type PublishingRedis = Redis & {
  rtPublish(key: string, channel: string, prefix: string, epoch: string): Promise<number>;
  rtPosition(key: string, epoch: string): Promise<[number, string]>;
};

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * Redis pub/sub between nodes: one connection publishes and counts (INCR), another only
 * listens (a subscribed Redis connection can run nothing else). Each node subscribes to
 * the channels of topics it has local subscribers for, so an event reaches only the nodes
 * that need it. Throws when Redis cannot be reached at boot: a node that silently fell
 * back to in-process delivery would split the cluster.
 */
export async function redisBus(url: string, handlers: BusHandlers): Promise<Bus> {
  const nodeId = randomUUID();
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5000 };
  const pub = new Redis(url, options) as PublishingRedis;
  const sub = new Redis(url, options);
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
  pub.on('error', () => {});
  sub.on('error', () => {});
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`Redis at ${redactUrl(url)} is unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  pub.defineCommand('rtPublish', { numberOfKeys: 1, lua: PUBLISH_SCRIPT });
  pub.defineCommand('rtPosition', { numberOfKeys: 1, lua: POSITION_SCRIPT });

  sub.on('message', (channel: string, message: string) => {
    if (channel === CONTROL_CHANNEL) {
      let parsed: ControlMessage & { node?: string };
      try {
        parsed = JSON.parse(message);
      } catch {
        return;
      }
      if (parsed.node !== nodeId) handlers.onControl(parsed);
      return;
    }
    if (channel.startsWith(TOPIC_CHANNEL)) handlers.onFrame(channel.slice(TOPIC_CHANNEL.length), message);
  });
  await sub.subscribe(CONTROL_CHANNEL);

  // The last SUBSCRIBE/UNSUBSCRIBE sent for a channel wins (one connection keeps order);
  // a subscriber waits for the SUBSCRIBE that is current when it asks.
  const listening = new Map<string, Promise<unknown>>();

  return {
    kind: 'redis',
    async publish(topic, framePrefix) {
      return Number(await pub.rtPublish(POSITION_KEY + topic, TOPIC_CHANNEL + topic, framePrefix, newEpoch()));
    },
    async position(topic) {
      const [seq, epoch] = await pub.rtPosition(POSITION_KEY + topic, newEpoch());
      return { seq: Number(seq), epoch: String(epoch) };
    },
    async signal(topic, frame) {
      await pub.publish(TOPIC_CHANNEL + topic, frame);
    },
    async listen(topic) {
      let ready = listening.get(topic);
      if (!ready) {
        const attempt = sub.subscribe(TOPIC_CHANNEL + topic);
        ready = attempt;
        listening.set(topic, attempt);
        attempt.catch(() => {
          if (listening.get(topic) === attempt) listening.delete(topic);
        });
      }
      await ready;
    },
    unlisten(topic) {
      if (!listening.delete(topic)) return;
      sub.unsubscribe(TOPIC_CHANNEL + topic).catch(() => {});
    },
    async control(message) {
      await pub.publish(CONTROL_CHANNEL, JSON.stringify({ ...message, node: nodeId }));
    },
    async close() {
      listening.clear();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
