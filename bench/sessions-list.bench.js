// Benchmark for issue 3: `sessionctl sessions list --ndjson --limit 0` over many sessions.
//
//   npm run bench:list                       # 100,000 sessions
//   npm run bench:list -- --sessions 20000
//   npm run bench:list -- --pin             # Redis alone on CPU 0, everything else on CPU 1
//
// Measures the time to the first row and to the last, and how long Redis was blocked meanwhile, two ways:
// a PING probe on its own connection every millisecond (its worst round trip bounds any single blocking command),
// and SLOWLOG entries slower than 1 ms recorded while the listing ran. On a two-core machine Redis shares its cores with
// the CLI and the probe, so both figures also count time Redis spent descheduled; `--pin` gives Redis a core of its
// own, which leaves only Redis's own work in them.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { pinned, startRedis } from './lib/processes.js';
import { seedSessions } from './lib/seed.js';

const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '100000' }, pin: { type: 'boolean', default: false } },
});
const sessionCount = Number(values.sessions);
const REDIS_CPU = 0;
const CLIENT_CPU = 1;
const SLOWLOG_THRESHOLD_US = 1_000;

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** PINGs Redis back to back until stopped; returns the round-trip times in ms. */
function startProbe(url) {
  const client = new Redis(url);
  client.on('error', (error) => process.stderr.write(`probe: ${error.message}\n`));
  const samples = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = performance.now();
      await client.ping();
      samples.push(performance.now() - startedAt);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  return async () => {
    running = false;
    await loop;
    client.disconnect();
    return samples.sort((a, b) => a - b);
  };
}

async function listAll(redisUrl) {
  const startedAt = performance.now();
  const argv = ['apps/cli/bin/sessionctl.js', 'sessions', 'list', '--ndjson', '--limit', '0', '--redis', redisUrl];
  const command = pinned(values.pin ? CLIENT_CPU : undefined, process.execPath, argv);
  const child = spawn(...command, { stdio: ['ignore', 'pipe', 'inherit'] });
  let firstRowMs;
  let rows = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.trim()) continue;
    firstRowMs ??= performance.now() - startedAt;
    rows += 1;
  }
  const exitCode = await new Promise((resolve) => child.on('close', resolve));
  return { firstRowMs, totalMs: performance.now() - startedAt, rows, exitCode };
}

async function main() {
  if (values.pin) execFileSync('taskset', ['-p', '-c', String(CLIENT_CPU), String(process.pid)], { stdio: 'ignore' });
  const redis = await startRedis({ cpu: values.pin ? REDIS_CPU : undefined });
  try {
    process.stderr.write(`seeding ${sessionCount} sessions into ${redis.url}…\n`);
    const seedMs = await seedSessions(redis.url, sessionCount);
    process.stderr.write(`seeded in ${(seedMs / 1000).toFixed(1)} s\n`);

    const admin = new Redis(redis.url);
    await admin.config('SET', 'slowlog-log-slower-than', String(SLOWLOG_THRESHOLD_US));
    await admin.slowlog('RESET');

    const stopProbe = startProbe(redis.url);
    const listing = await listAll(redis.url);
    const pings = await stopProbe();
    const slow = await admin.slowlog('GET', 1000);
    admin.disconnect();

    const slowest = slow.map((entry) => ({ command: String(entry[3][0]), micros: Number(entry[2]) }));
    slowest.sort((a, b) => b.micros - a.micros);
    const result = {
      pinned: values.pin,
      sessions: sessionCount,
      rows: listing.rows,
      exitCode: listing.exitCode,
      firstRowMs: Math.round(listing.firstRowMs),
      totalMs: Math.round(listing.totalMs),
      pingSamples: pings.length,
      pingP50Ms: Number(percentile(pings, 0.5).toFixed(2)),
      pingP99Ms: Number(percentile(pings, 0.99).toFixed(2)),
      pingMaxMs: Number(pings[pings.length - 1].toFixed(2)),
      commandsSlowerThan1Ms: slowest.length,
      slowestCommands: slowest.slice(0, 5),
    };
    console.log(JSON.stringify(result, null, 2));
    if (listing.exitCode !== 0 || listing.rows !== sessionCount) process.exitCode = 1;
  } finally {
    await redis.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
