import type { Redis } from '@sessionops/redis';

/** The outcome of one check. `fail` makes `doctor` exit 1; `warn` does not. */
export interface DoctorCheck {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  message: string;
  hint?: string;
}

/** Everything `doctor` found. */
export interface DoctorReport {
  ok: boolean;
  redis: string;
  checks: DoctorCheck[];
}

/** The oldest Redis sessionops supports (issue 2: Redis 6.2 or newer). */
export const MINIMUM_REDIS_VERSION = '6.2.0';

/**
 * Checks a Redis deployment for what sessions need: a supported version, no eviction of keys with a TTL, and
 * persistence so a restart does not log everybody out. Reads INFO (allowed on managed Redis) and CONFIG GET where
 * permitted.
 */
export class DoctorService {
  constructor(private readonly client: Redis) {}

  async checkRedis(): Promise<DoctorCheck[]> {
    const [server, memory, persistence] = await Promise.all([
      this.info('server'),
      this.info('memory'),
      this.info('persistence'),
    ]);
    return [
      checkVersion(server.get('redis_version') ?? 'unknown'),
      checkEvictionPolicy(memory.get('maxmemory_policy') ?? 'unknown'),
      checkPersistence(persistence.get('aof_enabled') === '1', await this.rdbSaveRule()),
    ];
  }

  private async info(section: string): Promise<Map<string, string>> {
    const text = await this.client.info(section);
    const fields = new Map<string, string>();
    for (const line of text.split(/\r?\n/)) {
      const separator = line.indexOf(':');
      if (separator > 0 && !line.startsWith('#')) fields.set(line.slice(0, separator), line.slice(separator + 1));
    }
    return fields;
  }

  /** The RDB `save` rule; `''` when snapshots are off, null when CONFIG is not allowed (managed Redis). */
  private async rdbSaveRule(): Promise<string | null> {
    try {
      const reply = (await this.client.config('GET', 'save')) as string[];
      return reply[1] ?? '';
    } catch {
      return null;
    }
  }
}

/** A failed connection, as a check, so `doctor` still prints a report. */
export function unreachableCheck(message: string): DoctorCheck {
  return { name: 'redis reachable', status: 'fail', message, hint: 'Check that Redis runs and that --redis names it.' };
}

/** The connection check once a PING was answered. */
export function reachableCheck(redactedUrl: string, elapsedMs: number): DoctorCheck {
  return { name: 'redis reachable', status: 'ok', message: `${redactedUrl} answered in ${elapsedMs} ms` };
}

/** Lifetime settings as `loadConfig` judged them. */
export function configurationChecks(warnings: readonly string[], error?: string): DoctorCheck[] {
  if (error) {
    return [{ name: 'configuration', status: 'fail', message: error, hint: 'Fix the variables named above.' }];
  }
  if (warnings.length === 0) {
    return [{ name: 'configuration', status: 'ok', message: 'session lifetimes are consistent' }];
  }
  return warnings.map((warning) => ({ name: 'configuration', status: 'warn', message: warning }));
}

export function checkVersion(version: string): DoctorCheck {
  const name = 'redis version';
  if (compareVersions(version, MINIMUM_REDIS_VERSION) >= 0) return { name, status: 'ok', message: version };
  return {
    name,
    status: 'fail',
    message: `${version} is older than the supported ${MINIMUM_REDIS_VERSION}`,
    hint: `Upgrade Redis to ${MINIMUM_REDIS_VERSION} or newer.`,
  };
}

export function checkEvictionPolicy(policy: string): DoctorCheck {
  const name = 'maxmemory-policy';
  if (policy === 'noeviction') return { name, status: 'ok', message: 'noeviction: session keys are never evicted' };
  // volatile-* policies evict keys that have a TTL, and every session key has one; allkeys-* evict anything.
  return {
    name,
    status: 'warn',
    message: `${policy}: Redis may evict session keys under memory pressure, logging users out at random`,
    hint: 'Set maxmemory-policy noeviction (writes then fail loudly when memory is full).',
  };
}

export function checkPersistence(aofEnabled: boolean, rdbSaveRule: string | null): DoctorCheck {
  const name = 'persistence';
  if (aofEnabled) return { name, status: 'ok', message: 'AOF is on' };
  if (rdbSaveRule) return { name, status: 'ok', message: `RDB snapshots (save ${rdbSaveRule})` };
  if (rdbSaveRule === null) {
    return { name, status: 'warn', message: 'AOF is off and the RDB rule could not be read (CONFIG not allowed)' };
  }
  return {
    name,
    status: 'warn',
    message: 'neither AOF nor RDB is on: every session is lost when Redis restarts',
    hint: 'Enable appendonly yes, or a save rule.',
  };
}

/** Compares dotted version strings numerically; an unparsable version sorts lowest. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => version.split('.').map((part) => Number.parseInt(part, 10));
  const [left, right] = [parse(a), parse(b)];
  if (left.some(Number.isNaN)) return -1;
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
