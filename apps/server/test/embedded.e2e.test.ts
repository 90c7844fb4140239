import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, login, PASSWORD, register, uniqueEmail } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Embedded mode: no REDIS_URL, so the in-memory store, users repository and rate limiter are used.
describe('embedded mode (no REDIS_URL)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp({ LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await test.close();
  });

  it('reports the in-memory store as ready and says at startup that it is single-process', async () => {
    const ready = await test.http.get('/health/ready').expect(200);

    expect(ready.body).toEqual({ status: 'ok', store: 'memory' });
    const [selected] = test.logs.withEvent('store.selected');
    expect(selected).toMatchObject({ level: 40, store: 'memory' });
    expect(String(selected?.msg)).toMatch(/in-memory: single process, lost on restart/);
  });

  it('runs register → me → refresh → logout, and refuses the access token after logout', async () => {
    const registered = await register(test);
    const me = await test.http
      .get('/auth/me')
      .set(...bearer(registered.accessToken))
      .expect(200);
    expect(me.body).toEqual({
      id: registered.user.id,
      email: registered.user.email,
      displayName: registered.user.displayName,
      roles: registered.user.roles,
      sessionId: registered.sessionId,
    });

    const refreshed = await test.http.post('/auth/refresh').send({ refreshToken: registered.refreshToken }).expect(200);
    expect(refreshed.body.sessionId).toBe(registered.sessionId);
    await test.http
      .post('/auth/logout')
      .set(...bearer(refreshed.body.accessToken))
      .expect(204);

    const after = await test.http
      .get('/auth/me')
      .set(...bearer(refreshed.body.accessToken))
      .expect(401);
    expect(after.body.code).toBe('SESSION_REVOKED');
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: the socket address is the client', async () => {
    const response = await test.http
      .post('/auth/register')
      .set('x-forwarded-for', '203.0.113.9')
      .send({ email: uniqueEmail(), password: PASSWORD })
      .expect(201);

    const sessions = await test.http
      .get('/sessions')
      .set(...bearer(response.body.accessToken))
      .expect(200);
    expect(sessions.body[0].ip).toMatch(/127\.0\.0\.1/);
  });

  it('echoes a well-formed X-Request-Id and makes one when absent', async () => {
    const echoed = await test.http.get('/health/live').set('x-request-id', 'trace-123').expect(200);
    const made = await test.http.get('/health/live').expect(200);

    expect(echoed.headers['x-request-id']).toBe('trace-123');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('labels request durations by route template, never by raw path', async () => {
    const account = await register(test);
    await test.http
      .delete(`/sessions/${account.sessionId}`)
      .set(...bearer(account.accessToken))
      .expect(204);
    await test.http.get('/no/such/route').expect(404);

    const metrics = (await test.http.get('/metrics').expect(200)).text;

    expect(metrics).toContain('route="/sessions/:id",status="204"');
    expect(metrics).toContain('route="(unmatched)",status="404"');
    expect(metrics).not.toContain(account.sessionId);
    expect(metrics).toMatch(/^sessions_created_total \d+/m);
    expect(metrics).toMatch(/^sessions_revoked_total\{reason="user"\} 1$/m);
  });

  it('never writes passwords, tokens or full session ids to the log, even at debug level', async () => {
    const email = uniqueEmail();
    const account = await register(test, email);
    const again = await login(test, email);
    await test.http.post('/auth/login').send({ email, password: 'wrong password' }).expect(401);
    await test.http.post('/auth/refresh').send({ refreshToken: again.refreshToken }).expect(200);
    await test.http
      .get(`/auth/me`)
      .set(...bearer(account.accessToken))
      .expect(200);
    await test.http
      .delete(`/sessions/${again.sessionId}`)
      .set(...bearer(account.accessToken))
      .expect(204);

    const everything = test.logs.lines.join('\n');
    for (const secret of [PASSWORD, 'wrong password', account.accessToken, account.refreshToken, again.refreshToken]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain(again.sessionId);
    expect(test.logs.withEvent('session.revoked').length).toBeGreaterThan(0);
    expect(test.logs.entries().some((entry) => entry.reqId !== undefined)).toBe(true);
  });
});
