import type { ChangeHandler, DatabaseChanges } from '../infra/database-changes.js';

/** A change feed the test drives by hand, for the caches' own guards (the database's feed is tested with the app). */
export class HandDrivenChanges implements DatabaseChanges {
  live = true;
  handlers: ChangeHandler[] = [];
  subscribe(handler: ChangeHandler) { this.handlers.push(handler); }
  send(payload: string | null) { for (const handler of this.handlers) handler(payload); }
  async close() {}
}
