// Bench-only preload: `node --import ./bench/harness/probe.mjs <server>`. It measures the server
// process from inside (CPU time, event-loop delay, GC pauses) over a window the benchmark opens
// and closes over IPC, so the figures belong to the server alone, not to the client fleet.
// Plain JavaScript so it runs in front of the built bundle and the bare baselines without tsx.
// Nothing runs until the benchmark asks: outside a window the server is left exactly as shipped.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

// The histogram records the whole interval between its timer's wakeups, so an idle loop reads
// ~RESOLUTION_MS: the lag reported is what exceeds it.
const RESOLUTION_MS = 5;

/** The open measuring window, if any. */
let window = null;

const lagMs = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

function start() {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const w = {
    cpu: process.cpuUsage(),
    startedAt: performance.now(),
    loop,
    gc: null,
    note: null,
    gcCount: 0,
    gcMs: 0,
    gcMaxMs: 0,
  };
  const note = (entries) => {
    for (const e of entries) {
      w.gcCount++;
      w.gcMs += e.duration;
      if (e.duration > w.gcMaxMs) w.gcMaxMs = e.duration;
    }
  };
  w.gc = new PerformanceObserver((list) => note(list.getEntries()));
  w.gc.observe({ entryTypes: ['gc'] });
  w.note = note;
  loop.enable();
  window = w;
}

function stop() {
  const w = window;
  if (!w) return { error: 'no window open' };
  window = null;
  const cpu = process.cpuUsage(w.cpu);
  w.loop.disable();
  // GC entries are delivered asynchronously: take the ones still queued.
  w.note(w.gc.takeRecords());
  w.gc.disconnect();
  return {
    wallMs: performance.now() - w.startedAt,
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    loopDelayP50Ms: w.loop.count ? lagMs(w.loop.percentile(50)) : 0,
    loopDelayP99Ms: w.loop.count ? lagMs(w.loop.percentile(99)) : 0,
    loopDelayMaxMs: w.loop.count ? lagMs(w.loop.max) : 0,
    loopSamples: w.loop.count,
    gcCount: w.gcCount,
    gcPauseMsTotal: w.gcMs,
    gcPauseMaxMs: w.gcMaxMs,
    rssMb: process.memoryUsage.rss() / 1024 / 1024,
  };
}

if (process.send) {
  process.on('message', (msg) => {
    if (!msg || typeof msg !== 'object' || typeof msg.benchProbe !== 'string') return;
    if (msg.benchProbe === 'start') {
      start();
      process.send({ benchProbe: 'started' });
    } else if (msg.benchProbe === 'stop') {
      process.send({ benchProbe: 'report', report: stop() });
    }
  });
  // The channel must not keep a server alive that would otherwise exit.
  process.channel?.unref();
}
