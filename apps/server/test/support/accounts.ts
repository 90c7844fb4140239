import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** What register and login answer. */
export interface AuthBody {
  user: { id: string; email: string; displayName: string; roles: string[]; createdAt: string };
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  expiresIn: number;
}

export const PASSWORD = 'correct horse battery staple';

/** A unique e-mail address, so tests never collide on one account. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

/** Registers an account (201 expected) and returns the answer. */
export async function register(test: TestApp, email = uniqueEmail()): Promise<AuthBody> {
  const response = await test.http.post('/auth/register').send({ email, password: PASSWORD }).expect(201);
  return response.body as AuthBody;
}

/** Logs in (200 expected) and returns the answer. */
export async function login(test: TestApp, email: string, password = PASSWORD): Promise<AuthBody> {
  const response = await test.http.post('/auth/login').send({ email, password }).expect(200);
  return response.body as AuthBody;
}

/** The Authorization header for an access token. */
export function bearer(accessToken: string): [string, string] {
  return ['authorization', `Bearer ${accessToken}`];
}
