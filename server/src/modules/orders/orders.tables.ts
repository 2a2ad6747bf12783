import type { Generated } from 'kysely';
import type { Timestamp, Json } from '../../db/column-types.js';

/** Row types of the tables the orders module owns, as Kysely sees them (composed into db/schema.ts). */

export interface OrderRow {
  id: string;
  customer_id: string;
  /** the user who signed it; null for an order the portal made (created_by says who) */
  user_id: string | null;
  /** 'user': signed by user_id for the customer (ACC-18); 'collections': made by a suspension or restoration (BIL-11) */
  created_by: Generated<'user' | 'collections'>;
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
