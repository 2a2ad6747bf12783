/**
 * The shipped operator profiles (MISSION: "one installation serves one operator"). The server picks
 * one with OPERATOR=<id> and reads it at start; profiles are deep-frozen so nothing can change them.
 */
import type { OperatorProfile } from './operator-profile.ts';
import { demoProfile } from './profiles/demo.ts';
import { elektrumProfile } from './profiles/elektrum.ts';
import { sadalesTiklsProfile } from './profiles/sadales-tikls.ts';
import { enefitProfile } from './profiles/enefit.ts';
import { eSakariProfile } from './profiles/e-sakari.ts';

export * from './operator-profile.ts';
export { MODULE_NAMES, ORDER_TYPES } from './catalog.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every shipped profile by id. */
export const OPERATOR_PROFILES: Record<string, OperatorProfile> = deepFreeze(
  Object.fromEntries(
    [demoProfile, elektrumProfile, sadalesTiklsProfile, enefitProfile, eSakariProfile].map((profile) => [
      profile.id,
      profile,
    ]),
  ),
);

/** The profile with this id, deep-frozen; throws naming the known ids if there is none. */
export function loadOperatorProfile(id: string): OperatorProfile {
  if (!Object.hasOwn(OPERATOR_PROFILES, id)) {
    const known = Object.keys(OPERATOR_PROFILES).join(', ');
    throw new Error(`Unknown operator profile "${id}"; known profiles: ${known}`);
  }
  return OPERATOR_PROFILES[id];
}
