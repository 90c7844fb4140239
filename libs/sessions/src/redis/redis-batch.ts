import type { Cluster, Redis } from '@sessionops/redis';

/**
 * Every key matching `pattern`, one SCAN reply at a time, on a standalone server or on every master of a cluster
 * (the masters known when the scan starts). Like SCAN itself, approximate while keys are being written.
 */
export async function* scanKeys(client: Redis | Cluster, pattern: string, count: number): AsyncGenerator<string[]> {
  const nodes = client.isCluster ? (client as Cluster).nodes('master') : [client as Redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}

/**
 * HMGET of the same fields on many keys in one round trip: a pipeline on a standalone server; on a cluster, where
 * a pipeline must stay within one slot, concurrent commands that ioredis routes (and auto-pipelines) per node.
 */
export async function hmgetMany(
  client: Redis | Cluster,
  keys: string[],
  fields: readonly string[],
): Promise<(string | null)[][]> {
  if (keys.length === 0) return [];
  if (client.isCluster) return Promise.all(keys.map((key) => client.hmget(key, ...fields)));

  const replies = await client.pipeline(keys.map((key) => ['hmget', key, ...fields])).exec();
  if (!replies) throw new Error('INVARIANT: a pipeline that was not a transaction answered null');
  return replies.map(([error, values]) => {
    if (error) throw error;
    return values as (string | null)[];
  });
}
