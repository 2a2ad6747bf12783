import { addDays } from '@up/common/riga-time';
import type { Deps } from '../deps.js';
import { sendPaymentReminders, suspendLatePayers } from '../modules/payments/index.js';

/**
 * BIL-11 in the demo year: SIA "Demo Būve" left one invoice unpaid (demo-billing.ts); the daily collections job, run
 * on the days it would have run, reminded it the operator's days after the due day and suspended its service the
 * operator's days after that — so the back office's collections page and the company's banner are lived in.
 */
export async function seedDemoCollections(deps: Deps, today: string, dueDate: string): Promise<void> {
  const rules = deps.operator.billing.collections;
  const at = (day: string) => ({ ...deps, clock: { now: () => new Date(`${day}T07:00:00Z`) } });
  const remindOn = addDays(dueDate, rules.reminderDaysAfterDue);
  if (remindOn > today) return;
  await sendPaymentReminders(at(remindOn));
  if (rules.suspensionDaysAfterReminder === null) return;
  const suspendOn = addDays(remindOn, rules.suspensionDaysAfterReminder);
  if (suspendOn > today) return;
  await suspendLatePayers(at(suspendOn));
}
