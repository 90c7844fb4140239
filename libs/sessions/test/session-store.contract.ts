import { afterEach } from '@jest/globals';
import type { SessionStore } from '@sessionops/sessions';
import { lifecycleContract } from './contract/lifecycle.contract.js';
import { listingContract } from './contract/listing.contract.js';
import { revocationContract } from './contract/revocation.contract.js';
import { rotationContract } from './contract/rotation.contract.js';
import type { SessionStoreFactory } from './support/session-fixtures.js';

/**
 * The behaviour every `SessionStore` shares, run against each implementation. `factory` must return an empty store
 * that no other call shares (its own key prefix on Redis), built with the given options. Stores are closed after
 * each test.
 */
export function sessionStoreContract(factory: SessionStoreFactory): void {
  const opened: SessionStore[] = [];
  const storeWith: SessionStoreFactory = async (options) => {
    const store = await factory(options);
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  lifecycleContract(storeWith);
  rotationContract(storeWith);
  revocationContract(storeWith);
  listingContract(storeWith);
}
