import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from './support/test-app.js';

type Operation = { summary?: string; security?: unknown[]; responses: Record<string, unknown>; operationId: string };
type Document = { paths: Record<string, Record<string, Operation>>; servers?: unknown[] };

const PUBLIC_OPERATIONS = ['register', 'login', 'refreshTokens', 'checkLiveness', 'checkReadiness', 'getMetrics'];

/** Runs Redocly CLI's `lint` with its recommended rules on a document; returns its JSON report. */
async function lint(document: unknown): Promise<{ totals: { errors: number; warnings: number }; problems: unknown[] }> {
  // A directory of its own, so no redocly.yaml of the project or the machine changes the rules.
  const dir = await mkdtemp(join(tmpdir(), 'sessionops-openapi-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    const cli = createRequire(import.meta.url)
      .resolve('@redocly/cli/package.json')
      .replace(/package\.json$/, 'bin/cli.js');
    const args = [cli, 'lint', 'openapi.json', '--extends=recommended', '--format=json'];
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // Exit code 1 means "problems found"; the report on stdout says which, so it is read either way.
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: dir, env }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    return JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('OpenAPI document', () => {
  let test: TestApp;
  let document: Document;

  beforeAll(async () => {
    test = await startTestApp();
    document = (await test.http.get('/api-json').expect(200)).body as Document;
  });

  afterAll(async () => {
    await test.close();
  });

  it('lints clean under Redocly recommended rules: no errors and no warnings', async () => {
    const report = await lint(document);

    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('describes every endpoint of the issue, with summaries and error responses', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );

    expect(operations.map((entry) => entry.route).sort()).toEqual(
      [
        'POST /auth/register',
        'POST /auth/login',
        'POST /auth/refresh',
        'POST /auth/logout',
        'GET /auth/me',
        'GET /sessions',
        'DELETE /sessions',
        'DELETE /sessions/{id}',
        'GET /admin/users/{userId}/sessions',
        'DELETE /admin/users/{userId}/sessions',
        'DELETE /admin/sessions/{id}',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
      ].sort(),
    );
    for (const { operation } of operations) {
      expect(operation.summary).toEqual(expect.any(String));
      expect(Object.keys(operation.responses).some((status) => status.startsWith('4'))).toBe(true);
    }
  });

  it('describes every error with the shared ErrorResponse schema', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    for (const operation of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect(response).toMatchObject({
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        });
      }
    }
  });

  it('marks exactly the public operations with empty security and the rest with the bearer scheme', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const publicIds = operations.filter((operation) => operation.security?.length === 0).map((op) => op.operationId);
    const protectedOps = operations.filter((operation) => !PUBLIC_OPERATIONS.includes(operation.operationId));

    expect(publicIds.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
    for (const operation of protectedOps) expect(operation.security).toEqual([{ bearer: [] }]);
  });

  it('serves Swagger UI at /api', async () => {
    const response = await test.http.get('/api').expect(200);

    expect(response.text).toContain('swagger');
  });
});
