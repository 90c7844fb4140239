// HTTP benchmark for issue 2: GET /health/live, GET /auth/me and POST /auth/refresh, side by side on one server.
//
//   npm run bench                        # builds the server, 10 s per scenario, 50 connections
//   npm run bench -- --duration 5 --connections 20
//
// The server runs as its own process against a private redis-server; autocannon runs in this process. Both share
// the machine's cores, so the absolute figures are lower than on a dedicated load generator; the ratio between
// scenarios, measured in the same run, is the point.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startRedis, startServer } from './lib/processes.js';
import { seedSessions } from './lib/seed.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'seed-sessions': { type: 'string', default: '10000' },
  },
});
const durationSeconds = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const connections = Number(values.connections);
const seedCount = Number(values['seed-sessions']);

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

function summarise(name, result) {
  return {
    scenario: name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

async function main() {
  const redis = await startRedis();
  const server = await startServer({
    NODE_ENV: 'production',
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'warn',
    SESSION_MAX_PER_USER: String(connections * 4),
  });
  try {
    process.stderr.write(`server ${server.url} (pid ${server.pid}), redis ${redis.url}\n`);
    process.stderr.write(`seeding ${seedCount} sessions through the session library…\n`);
    await seedSessions(redis.url, seedCount);

    // One login per connection for /auth/me, and a pool of refresh tokens, each used once and then replaced by
    // its successor: replaying a token after the grace window would count as theft and revoke the session.
    process.stderr.write(`logging in ${connections * 2} times…\n`);
    const logins = await createLogins(server.url, connections * 2);
    const accessTokens = logins.slice(0, connections).map((login) => login.accessToken);
    const refreshPool = logins.slice(connections).map((login) => login.refreshToken);

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
    const rows = [];
    for (const [name, options] of scenarios) {
      process.stderr.write(`${name}: warm-up ${warmupSeconds} s, then ${durationSeconds} s…\n`);
      if (warmupSeconds > 0) await run({ ...options, duration: warmupSeconds });
      rows.push(summarise(name, await run({ ...options, duration: durationSeconds })));
    }

    console.table(rows);
    const ratio = rows[1].requestsPerSecond / rows[0].requestsPerSecond;
    console.log(`me/live throughput ratio: ${(ratio * 100).toFixed(1)}% (target >= 80%)`);
    console.log(JSON.stringify({ connections, durationSeconds, seedCount, rows, meOverLive: ratio }));
  } finally {
    await server.stop();
    await redis.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
