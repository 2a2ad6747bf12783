import type { ColumnType } from 'kysely';

/** Column types shared by the row types: timestamps as Date, JSON written as text and read as a value. */
export type Timestamp = Date;
export type Json<T> = ColumnType<T, string, string>;
