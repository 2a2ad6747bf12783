import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionAnswer } from '@up/common/contracts/accounts';
import type { ImportObjectsBody, ImportObjectsResult, StaffObject, StaffObjectList, UpdateObjectBody } from '@up/common/contracts/metering-staff';
import type { IntervalImportResult, MeteringImportList, SpotPriceImportResult } from '@up/common/contracts/metering-imports';
import { api, ApiError } from '../../../api/client.ts';
import { SESSION_KEY } from '../../../api/session.ts';
import { staffKeys } from '../staff.api.ts';
import type { IntervalFileFormat } from './metering.ts';

/**
 * The back office's metering API (/api/staff/metering/…, GRD-1 … GRD-4): objects and the imports of objects,
 * interval data and spot prices. Cached under ['staff', 'metering', …], so a change to a customer (which
 * refetches ['staff']) refetches these too, and an import refetches the objects (their data may have grown).
 */
export const meteringKeys = {
  all: [...staffKeys.all, 'metering'] as const,
  objects: (q: string) => [...staffKeys.all, 'metering', 'objects', q] as const,
  object: (objectId: string) => [...staffKeys.all, 'metering', 'object', objectId] as const,
  imports: [...staffKeys.all, 'metering', 'imports'] as const,
};

const objectPath = (objectId: string) => `/api/staff/metering/objects/${encodeURIComponent(objectId)}`;

/** A mutation whose success refetches every metering answer of the back office. */
function useMeteringMutation<TBody, TAnswer>(mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: meteringKeys.all }) });
}

// ---- objects (GRD-1) ----------------------------------------------------------------------------------------

/** GET /api/staff/metering/objects?q=: by EIC, address or permit number; nothing is asked while q is empty. */
export function useObjectSearch(q: string) {
  return useQuery({
    queryKey: meteringKeys.objects(q),
    queryFn: () => api.get<StaffObjectList>(`/api/staff/metering/objects?q=${encodeURIComponent(q)}`),
    enabled: q.trim() !== '',
  });
}

/** GET /api/staff/metering/objects/:objectId: holders over time, meters (removed ones too), generator, permit. */
export function useStaffObject(objectId: string) {
  return useQuery({ queryKey: meteringKeys.object(objectId), queryFn: () => api.get<StaffObject>(objectPath(objectId)) });
}

/** PATCH /api/staff/metering/objects/:objectId: only the fields sent change; answers the object as it is now. */
export function useUpdateObject(objectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateObjectBody) => api.patch<StaffObject>(objectPath(objectId), body),
    onSuccess: (object) => {
      queryClient.setQueryData(meteringKeys.object(objectId), object);
      return queryClient.invalidateQueries({ queryKey: meteringKeys.all });
    },
  });
}

/** POST /api/staff/metering/objects/import: a file with a refused row imports nothing and lists every refused row. */
export function useImportObjects() {
  return useMeteringMutation((body: ImportObjectsBody) => api.post<ImportObjectsResult>('/api/staff/metering/objects/import', body));
}

// ---- interval data and spot prices (GRD-3, GRD-4) -------------------------------------------------------------

/** GET /api/staff/metering/imports: the latest imports, newest first, with their counts. */
export function useMeteringImports() {
  return useQuery({ queryKey: meteringKeys.imports, queryFn: () => api.get<MeteringImportList>('/api/staff/metering/imports') });
}

function csrfFromCookie(): string | null {
  const match = document.cookie.match(/(?:^|;\s*)up_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * POST of a file as the raw request body (the import routes stream it, so it is not wrapped in JSON), with the
 * CSRF token as api/client.ts sends it: the session answer's (the shell's ['session'] query), else the cookie's.
 * Error answers become ApiError like the client's.
 */
async function postFile<T>(path: string, file: Blob, contentType: string, csrfToken: string | null): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': contentType, 'x-csrf-token': csrfToken ?? csrfFromCookie() ?? '' },
    body: file,
    credentials: 'same-origin',
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(response.status, error.code ?? 'HTTP_' + response.status, error.message ?? response.statusText, error.details ?? {});
  }
  return data as T;
}

/** A file import: refetches the list of imports and the objects (their "data available until" may move). */
function useFileImport<TBody, TAnswer>(send: (body: TBody, csrfToken: string | null) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => send(body, queryClient.getQueryData<SessionAnswer>(SESSION_KEY)?.csrfToken ?? null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meteringKeys.all }),
  });
}

export interface IntervalUpload {
  file: Blob;
  format: IntervalFileFormat;
  /** Sadales tīkls JSON only: the interval length of a meter with a single value (the server's default is 60) */
  intervalMinutes?: 15 | 60;
}

/** POST /api/staff/metering/intervals: the portal CSV (text/csv) or the Sadales tīkls JSON (application/json). */
export function useImportIntervals() {
  return useFileImport(({ file, format, intervalMinutes }: IntervalUpload, csrfToken) => {
    const query = format === 'sadales_json' && intervalMinutes ? `?intervalMinutes=${intervalMinutes}` : '';
    const contentType = format === 'csv' ? 'text/csv' : 'application/json';
    return postFile<IntervalImportResult>(`/api/staff/metering/intervals${query}`, file, contentType, csrfToken);
  });
}

/** POST /api/staff/metering/spot-prices: the day-ahead prices CSV (text/csv). */
export function useImportSpotPrices() {
  return useFileImport((file: Blob, csrfToken) => postFile<SpotPriceImportResult>('/api/staff/metering/spot-prices', file, 'text/csv', csrfToken));
}
