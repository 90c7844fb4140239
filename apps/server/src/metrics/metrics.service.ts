import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SessionEvent, SessionStore } from '@sessionops/sessions';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { SESSION_STORE } from '../app.tokens.js';

/** The `route` label of requests that matched no route: raw paths would make one series per URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The template of the route that handled a request. Catch-all middleware routes (the logger's `{/*splat}`) also set
 * `req.route`, so a wildcard template means no controller route matched. No route here uses a wildcard.
 */
function routeTemplateOf(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && !path.includes('*') ? path : UNMATCHED_ROUTE;
}

// Buckets from 1 ms to 2.5 s: a session check is a millisecond, a password hash tens of them.
const DURATION_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Prometheus metrics of one app, in a registry of its own (several apps may live in one process, in tests). HTTP
 * durations are labelled by route template; session counters are fed by the store's events, where each revocation
 * arrives exactly once (as `revoked`, `evicted` or `reuse-detected`).
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly created = new Counter({
    name: 'sessions_created_total',
    help: 'Sessions created (register and login)',
    registers: [this.registry],
  });
  private readonly refreshed = new Counter({
    name: 'sessions_refreshed_total',
    help: 'Refresh-token rotations',
    registers: [this.registry],
  });
  private readonly revoked = new Counter({
    name: 'sessions_revoked_total',
    help: 'Sessions revoked, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly reuseDetected = new Counter({
    name: 'session_reuse_detected_total',
    help: 'Refresh tokens presented again after their rotation (the session was revoked)',
    registers: [this.registry],
  });
  private unsubscribe: (() => void) | undefined;

  constructor(@Inject(SESSION_STORE) private readonly store: SessionStore) {
    collectDefaultMetrics({ register: this.registry });
  }

  onModuleInit(): void {
    this.unsubscribe = this.store.events.subscribe((event) => this.count(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /**
   * Express middleware timing every request, mounted before everything else. The route is read when the response
   * finishes, after routing set `req.route`.
   */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const startedAt = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      this.requestDuration.observe(
        { method: request.method, route: routeTemplateOf(request), status: response.statusCode },
        seconds,
      );
    });
    next();
  };

  private count(event: SessionEvent): void {
    switch (event.type) {
      case 'created':
        this.created.inc();
        return;
      case 'refreshed':
        this.refreshed.inc();
        return;
      case 'reuse-detected':
        this.reuseDetected.inc();
        this.revoked.inc({ reason: event.reason });
        return;
      case 'revoked':
      case 'evicted':
        this.revoked.inc({ reason: event.reason });
        return;
      case 'revoked-all':
        // An operator's revoke-everything has no per-session count; the audit trail records it.
        return;
    }
  }
}
