import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdFor } from './request-id.js';

function exchange(header?: string) {
  const headers: Record<string, string> = {};
  const request = { headers: header === undefined ? {} : { 'x-request-id': header } } as unknown as IncomingMessage;
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
  return { id: requestIdFor(request, response), echoed: headers['x-request-id'] };
}

describe(requestIdFor.name, () => {
  it('reuses a well-formed incoming id and echoes it', () => {
    expect(exchange('req-42.a:b')).toEqual({ id: 'req-42.a:b', echoed: 'req-42.a:b' });
  });

  it('makes a UUID when there is none, and echoes it', () => {
    const { id, echoed } = exchange();

    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed).toBe(id);
  });

  it('replaces an id that is too long or carries odd characters', () => {
    expect(exchange('x'.repeat(129)).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(exchange('evil\nline').id).toMatch(/^[0-9a-f-]{36}$/);
    expect(exchange('{"json":1}').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
