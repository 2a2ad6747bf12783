import { rigaDate } from '@up/common/riga-time';
import type { PortalJob } from '../../portal-module.js';
import { createPartitionsAhead } from './interval-partitions.js';

/** Daily: interval_days has its monthly partitions two years ahead (docs/ARCHITECTURE.md, "Interval data"). */
export const METERING_JOBS: readonly PortalJob[] = [
  {
    name: 'metering.partitions-ahead',
    every: 'riga-day',
    async run(deps, log) {
      const result = await createPartitionsAhead(deps.db, rigaDate(deps.clock.now()));
      if (result.created.length > 0 || result.leftInDefault.length > 0) log.info(result, 'interval partitions');
      return result;
    },
  },
];
