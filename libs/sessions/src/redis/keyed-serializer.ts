/**
 * Runs tasks one after another per key, and tasks of different keys concurrently. The Redis store queues the
 * operations that must see a user's whole index (create, revoke-all) per user, so concurrent logins of one user in
 * one process never make each other retry; retries remain only between processes.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => task());
    // The next task waits for this one whether it succeeds or fails.
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
