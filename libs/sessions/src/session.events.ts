import { EventEmitter } from 'node:events';
import type { Actor, RevocationReason } from './session.types.js';

/**
 * One lifecycle change. Each revocation emits exactly one event: `revoked` (with its reason), `evicted`
 * (reason `evicted`) or `reuse-detected` (reason `reuse-detected`), so counting never doubles.
 */
export type SessionEvent =
  | { type: 'created'; sessionId: string; userId: string; at: number; actor?: Actor }
  | { type: 'refreshed'; sessionId: string; userId: string; at: number; generation: number }
  | { type: 'revoked'; sessionId: string; userId: string; at: number; reason: RevocationReason; actor?: Actor }
  | { type: 'evicted'; sessionId: string; userId: string; at: number; reason: 'evicted' }
  | { type: 'reuse-detected'; sessionId: string; userId: string; at: number; reason: 'reuse-detected' }
  | { type: 'revoked-all'; at: number; notBefore: number; actor?: Actor };

export type SessionEventType = SessionEvent['type'];

/** Where stores publish `SessionEvent`s. Listeners run synchronously; they must not throw. */
export class SessionEvents extends EventEmitter<{ event: [SessionEvent] }> {
  publish(event: SessionEvent): void {
    this.emit('event', event);
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.on('event', listener);
    return () => this.off('event', listener);
  }
}
