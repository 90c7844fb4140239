import { AuditReader, AuditTrail, type AuditWriteError } from '@sessionops/audit';
import { RedisSessionStore, RedisUsersRepository, type SessionStore, type UsersRepository } from '@sessionops/sessions';
import type { RedisContext } from '../commands/command-runtime.js';

/** The session library on a CLI connection, with the audit trail recording every change the CLI makes. */
export interface SessionBackend extends RedisContext {
  store: SessionStore;
  users: UsersRepository;
  trail: AuditTrail;
  reader: AuditReader;
}

/**
 * Builds the same store and repository classes the server uses, with the same lifetimes, and attaches an audit
 * trail so operator revocations land in the stream with their actor. `onAuditError` hears failed audit writes.
 */
export function openSessionBackend(
  redis: RedisContext,
  onAuditError: (error: AuditWriteError) => void,
): SessionBackend {
  const { client, keyspace, settings } = redis;
  const store = new RedisSessionStore({ client, keyspace, ...settings.storeOptions });
  const users = new RedisUsersRepository({ client, keyspace });
  const trail = new AuditTrail({
    client,
    keyspace,
    maxLength: settings.audit.streamMaxLength,
    recordRefreshed: settings.audit.recordRefreshed,
    onError: onAuditError,
  });
  trail.attach(store.events);
  return { ...redis, store, users, trail, reader: new AuditReader({ client, keyspace }) };
}

/** Waits for audit writes in flight and releases the store; the connection itself is closed by its owner. */
export async function closeSessionBackend(backend: SessionBackend): Promise<void> {
  await backend.trail.flush();
  await backend.store.close();
}
