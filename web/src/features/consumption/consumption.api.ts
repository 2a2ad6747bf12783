import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Consumption, DownloadFormat, ObjectList, Resolution, Settlement } from '@up/common/contracts/metering';
import type { MeterReadingList, SubmitReadingBody, SubmittedReading } from '@up/common/contracts/meter-readings';
import { api } from '../../api/client.ts';
import { customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';

/** The objects and consumption pages' API (GRD-1 … GRD-4). */

export interface ConsumptionRequest {
  from: string;
  to: string;
  resolution: Resolution;
}

const objectPart = (objectId: string, rest: string) => `objects/${encodeURIComponent(objectId)}/${rest}`;

/** The part of …/consumption with its query, e.g. 'objects/o1/consumption?from=…&to=…&resolution=hour'. */
export function consumptionPart(objectId: string, { from, to, resolution }: ConsumptionRequest, format?: DownloadFormat): string {
  const query = new URLSearchParams({ from, to, resolution });
  if (format && format !== 'json') query.set('format', format);
  return objectPart(objectId, `consumption?${query.toString()}`);
}

/** The download link of a period: the same route with &format=csv or &format=xlsx. */
export function consumptionDownloadUrl(customerId: string, objectId: string, request: ConsumptionRequest, format: 'csv' | 'xlsx'): string {
  return customerPath(customerId, consumptionPart(objectId, request, format));
}

/** GET /api/customers/:customerId/objects: the customer's objects for the time they were theirs. */
export function useObjects(customerId: string | undefined) {
  return useCustomerQuery<ObjectList>(customerId, 'objects');
}

/**
 * GET …/objects/:objectId/consumption: the period's intervals as parallel arrays. While the next period
 * loads, the previous answer stays on screen (no flash of an empty chart when stepping through months).
 */
export function useConsumption(customerId: string | undefined, objectId: string, request: ConsumptionRequest | null) {
  const part = request ? consumptionPart(objectId, request) : '';
  return useQuery({
    queryKey: customerPartKey(customerId ?? '', part),
    queryFn: () => api.get<Consumption>(customerPath(customerId ?? '', part)),
    enabled: Boolean(customerId) && request !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** GET …/objects/:objectId/settlement?month=YYYY-MM (GRD-4). */
export function useSettlement(customerId: string | undefined, objectId: string, month: string, enabled = true) {
  return useCustomerQuery<Settlement>(customerId, objectPart(objectId, `settlement?month=${encodeURIComponent(month)}`), enabled && Boolean(month));
}

/** GET …/objects/:objectId/readings: newest first (GRD-2). */
export function useReadings(customerId: string | undefined, objectId: string) {
  return useCustomerQuery<MeterReadingList>(customerId, objectPart(objectId, 'readings'));
}

/** POST …/objects/:objectId/readings: a reading, submitted as an order (GRD-2, GRD-6). */
export function useSubmitReading(customerId: string, objectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReadingBody) => api.post<SubmittedReading>(customerPath(customerId, objectPart(objectId, 'readings')), body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, objectPart(objectId, 'readings')) }),
        queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, 'orders') }),
      ]),
  });
}
