// Child processes for benchmarks: a private redis-server and the built API server, both on free loopback ports.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port === 6379 ? freePort() : port;
}

async function poll(check, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

function stopper(child) {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
}

/** Prefixes a command with `taskset -c <cpu>` when a CPU is given, so it runs on that core only. */
export function pinned(cpu, command, args) {
  return cpu === undefined ? [command, args] : ['taskset', ['-c', String(cpu), command, ...args]];
}

/** A redis-server that keeps nothing on disk, optionally pinned to one CPU; never the shared one on 6379. */
export async function startRedis({ cpu } = {}) {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(...pinned(cpu, 'redis-server', args), { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const { Redis } = await import('ioredis');
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // refused connections are expected until redis-server listens
  await poll(async () => (await probe.connect().then(() => probe.ping())) === 'PONG', 'redis-server', 10_000);
  probe.disconnect();
  return { url, port, stop: stopper(child) };
}

/** `node apps/server/dist/main.js` with the given environment; resolves when /health/ready answers 200. */
export async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await poll(async () => (await fetch(`${url}/health/ready`)).status === 200, 'the API server', 30_000);
  return { url, pid: child.pid, stop: stopper(child) };
}
