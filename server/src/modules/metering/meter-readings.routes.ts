import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';

// Filled in by the part of issue 11 that builds it.
export const meterReadingsRoutes: FastifyPluginAsyncTypebox<Deps> = async () => {};
