import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';

export const meteringRoutes: FastifyPluginAsyncTypebox<Deps> = async () => {};
