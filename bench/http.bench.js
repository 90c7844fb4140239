// HTTP benchmark for issue 2: GET /health/live, GET /auth/me and POST /auth/refresh, side by side on one server.
//
//   npm run bench                        # builds, then 10 rounds of 4 s per scenario, 50 connections
//   npm run bench -- --duration 5 --connections 20
//
// The server runs as its own process against a private redis-server; autocannon runs in this process. Both share
// the machine's cores, so the absolute figures are lower than on a dedicated load generator; the ratio between
// scenarios, measured in the same run, is the point.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startRedis, startServer } from './lib/processes.js';
import { seedSessions } from './lib/seed.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    'seed-sessions': { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '10' },
  },
});
const durationSeconds = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const connections = Number(values.connections);
const seedCount = Number(values['seed-sessions']);
const rounds = Number(values.rounds);

// Each run that ends cuts off at most one in-flight refresh per connection, losing its token; the pool must
// outlast every warm-up and measured run of the refresh scenario.
const REFRESH_TOKENS_PER_CONNECTION = 2 + 2 * rounds;

const json = (body) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function call(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Logs one account in `count` times, a few logins at a time (each spends one argon2id verification). */
async function createLogins(baseUrl, count) {
  const email = `bench-${randomBytes(4).toString('hex')}@example.test`;
  const password = randomBytes(12).toString('base64url');
  await call(`${baseUrl}/auth/register`, json({ email, password }));
  const logins = [];
  while (logins.length < count) {
    const batch = Array.from({ length: Math.min(8, count - logins.length) }, () =>
      call(`${baseUrl}/auth/login`, json({ email, password })),
    );
    logins.push(...(await Promise.all(batch)));
  }
  return logins;
}

function run(options) {
  return autocannon({ connections, pipelining: 1, ...options });
}

// Linux reports a process's CPU time in clock ticks of 10 ms (USER_HZ is 100 on every mainstream distribution).
const MICROSECONDS_PER_TICK = 10_000;

/** CPU time (user + system) the process has used so far, in µs, from /proc/<pid>/stat. */
function cpuMicroseconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MICROSECONDS_PER_TICK;
}

/** A measured run, with the server's CPU time per request: a cost figure that the load generator cannot skew. */
async function measure(pid, options) {
  const before = cpuMicroseconds(pid);
  const result = await run(options);
  result.serverCpuUsPerRequest = (cpuMicroseconds(pid) - before) / result.requests.total;
  return result;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One row per scenario: the median round's figures, and every round's throughput for the record. */
function summarise(name, results) {
  const byThroughput = [...results].sort((a, b) => a.requests.average - b.requests.average);
  const middle = byThroughput[Math.floor(byThroughput.length / 2)];
  return {
    scenario: name,
    requestsPerSecond: Math.round(middle.requests.average),
    p50Ms: middle.latency.p50,
    p99Ms: middle.latency.p99,
    serverCpuUs: Math.round(median(results.map((result) => result.serverCpuUsPerRequest))),
    rounds: results.map((result) => Math.round(result.requests.average)).join(' / '),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
  };
}

async function main() {
  const redis = await startRedis();
  const server = await startServer({
    NODE_ENV: 'production',
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'warn',
    // Every benchmark login belongs to one account: the cap must hold them all, or logins evict each other.
    SESSION_MAX_PER_USER: String(connections * (1 + REFRESH_TOKENS_PER_CONNECTION) + 10),
  });
  try {
    process.stderr.write(`server ${server.url} (pid ${server.pid}), redis ${redis.url}\n`);
    process.stderr.write(`seeding ${seedCount} sessions through the session library…\n`);
    await seedSessions(redis.url, seedCount);

    // One login per connection for /auth/me, and a pool of refresh tokens, each used once and then replaced by
    // its successor: replaying a token after the grace window would count as theft and revoke the session. A run
    // that stops cuts off up to one request per connection, whose token is lost, hence several tokens per connection.
    const poolSize = connections * REFRESH_TOKENS_PER_CONNECTION;
    process.stderr.write(`logging in ${connections + poolSize} times…\n`);
    const logins = await createLogins(server.url, connections + poolSize);
    const accessTokens = logins.slice(0, connections).map((login) => login.accessToken);
    const refreshPool = logins.slice(connections).map((login) => login.refreshToken);
    let poolDrained = 0;

    let nextAccess = 0;
    const live = { url: `${server.url}/health/live` };
    const me = {
      url: `${server.url}/auth/me`,
      setupClient: (client) => {
        client.setHeaders({ authorization: `Bearer ${accessTokens[nextAccess++ % accessTokens.length]}` });
      },
    };
    const refresh = {
      url: server.url,
      requests: [
        {
          method: 'POST',
          path: '/auth/refresh',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request, context) => {
            context.token = refreshPool.pop();
            if (context.token === undefined) poolDrained += 1;
            return { ...request, body: JSON.stringify({ refreshToken: context.token }) };
          },
          onResponse: (status, body, context) => {
            refreshPool.push(status === 200 ? JSON.parse(body).refreshToken : context.token);
          },
        },
      ],
    };

    const scenarios = [
      ['GET /health/live', live],
      ['GET /auth/me', me],
      ['POST /auth/refresh', refresh],
    ];
    // Scenarios alternate round by round, so a slow minute on this shared machine hits all of them alike, and the
    // me/live ratio is taken within each round (the two ran back to back) before the median is chosen.
    const results = scenarios.map(() => []);
    for (let round = 1; round <= rounds; round += 1) {
      for (const [index, [name, options]] of scenarios.entries()) {
        process.stderr.write(
          `round ${round}/${rounds} ${name}: warm-up ${warmupSeconds} s, then ${durationSeconds} s…\n`,
        );
        if (warmupSeconds > 0) await run({ ...options, duration: warmupSeconds });
        results[index].push(await measure(server.pid, { ...options, duration: durationSeconds }));
      }
    }
    const rows = scenarios.map(([name], index) => summarise(name, results[index]));
    const ratios = results[0].map((live, round) => results[1][round].requests.average / live.requests.average);
    const ratio = median(ratios);
    const cpuRatios = results[0].map(
      (live, round) => live.serverCpuUsPerRequest / results[1][round].serverCpuUsPerRequest,
    );
    const cpuRatio = median(cpuRatios);

    console.table(rows);
    if (poolDrained > 0) console.log(`refresh token pool ran dry ${poolDrained} times: those requests were 400s`);
    const perRound = ratios.map((value) => `${(value * 100).toFixed(1)}%`).join(' / ');
    console.log(`me/live throughput ratio: ${(ratio * 100).toFixed(1)}% median (rounds: ${perRound}; target >= 80%)`);
    console.log(`server CPU per request, live/me: ${(cpuRatio * 100).toFixed(1)}% median`);
    const summary = {
      connections,
      durationSeconds,
      rounds,
      seedCount,
      rows,
      meOverLive: ratio,
      cpuLiveOverMe: cpuRatio,
    };
    console.log(JSON.stringify(summary));
    // Failed requests are cheap and would flatter the figures: such a run proves nothing.
    const failing = rows.filter((row) => row.non2xx > 0 || row.errors > 0);
    if (failing.length > 0) {
      console.error(`INVALID RUN: ${failing.map((row) => row.scenario).join(', ')} had failed requests`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    await redis.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
