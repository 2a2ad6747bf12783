import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ImportObjectsBody, ImportObjectsResult, StaffObject, StaffObjectList, StaffObjectParams, StaffObjectSearchQuery, UpdateObjectBody,
} from '@up/common/contracts/metering-staff';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { importObjects } from './object-import.service.js';
import { getObjectForStaff, searchObjects, updateObject } from './staff-objects.service.js';

/** GRD-1: customer service finds, reads and corrects objects, and imports them from CSV. */
export const meteringStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' } as const;

  app.get('/api/staff/metering/objects', {
    config: staff,
    schema: { querystring: StaffObjectSearchQuery, response: answers({ 200: StaffObjectList }) },
  }, async (request) => searchObjects(deps, request.query.q));

  app.get('/api/staff/metering/objects/:objectId', {
    config: staff,
    schema: { params: StaffObjectParams, response: answers({ 200: StaffObject }) },
  }, async (request) => getObjectForStaff(deps, request.params.objectId));

  app.patch('/api/staff/metering/objects/:objectId', {
    config: staff,
    schema: { params: StaffObjectParams, body: UpdateObjectBody, response: answers({ 200: StaffObject }) },
  }, async (request) => updateObject(deps, request.params.objectId, request.body, actorOf(request)));

  app.post('/api/staff/metering/objects/import', {
    config: staff,
    bodyLimit: 21 * 1024 * 1024,
    schema: { body: ImportObjectsBody, response: answers({ 200: ImportObjectsResult }) },
  }, async (request) => importObjects(deps, request.body.csv, actorOf(request)));
};
