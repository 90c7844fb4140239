import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private redis-server owned by one test file. Never the shared instance on 6379. */
export interface RedisServerHandle {
  readonly port: number;
  readonly url: string;
  /** Stops the process (SIGKILL by default, to simulate a crash); the port stays reserved for `start`. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same port, empty. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, like a hung server. */
  pause(): void;
  /** Lets a paused process run again (SIGCONT). */
  resume(): void;
}

export interface RedisServerOptions {
  /** Extra `redis-server` arguments, e.g. `['--maxmemory-policy', 'allkeys-lru']`. */
  args?: string[];
}

const SHARED_PORT = 6379;
const STARTUP_TIMEOUT_MS = 10_000;

/** Asks the kernel for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('INVARIANT: no TCP address');
  if (address.port === SHARED_PORT) return findFreePort();
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server did not listen on port ${port} within ${STARTUP_TIMEOUT_MS} ms`);
}

/** Starts `redis-server` on a free loopback port with persistence off. Call `stop()` in `afterAll`. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const port = await findFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'sessionops-redis-'));
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--dir', dir, ...(options.args ?? []));
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitForPort(port, child);
  };

  const stop = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null) return;
    const exited = once(current, 'exit');
    current.kill(signal);
    // A paused process only acts on a signal other than SIGKILL once it runs again.
    if (signal !== 'SIGKILL') current.kill('SIGCONT');
    await exited;
  };

  const signal = (name: NodeJS.Signals) => {
    if (!child || child.exitCode !== null) throw new Error('INVARIANT: the redis-server is not running');
    child.kill(name);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    stop: async (signal) => {
      await stop(signal);
    },
  };
}
