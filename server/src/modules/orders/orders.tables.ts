import type { Timestamp, Json } from '../../db/column-types.js';

/** Row types of the tables the orders module owns, as Kysely sees them (composed into db/schema.ts). */

export interface OrderRow {
  id: string;
  customer_id: string;
  user_id: string;
  type: string;
  status: 'draft' | 'submitted' | 'in_progress' | 'done' | 'refused' | 'annulled' | 'cancelled';
  payload: Json<Record<string, unknown>>;
  signed_with: 'password' | 'bank' | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrdersTables {
  orders: OrderRow;
}
