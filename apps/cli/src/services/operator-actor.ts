import { hostname, userInfo } from 'node:os';
import type { Actor } from '@sessionops/sessions';

/** The audit actor of a CLI change: the OS user and host, plus the operator's free-text `--reason`. */
export function operatorActor(env: Record<string, string | undefined>, note?: string): Actor {
  return { kind: 'operator', id: currentUser(env), host: hostname(), ...(note ? { note } : {}) };
}

function currentUser(env: Record<string, string | undefined>): string {
  try {
    return userInfo().username;
  } catch {
    // A container user without a passwd entry: userInfo throws, the environment may still know.
    return env.USER ?? env.LOGNAME ?? 'unknown';
  }
}
