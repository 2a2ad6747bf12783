import { type Kysely, sql } from 'kysely';

/**
 * Every change to what a session check reads (the session, its user, memberships, terms acceptances and
 * versions) sends a notification on the `up_changes` channel when its transaction commits, so each portal
 * process can drop what it cached (see modules/accounts/session-cache.ts). Payloads: `user:<id>` for one
 * user's sessions, `*` for all. Columns a session check does not read (last_seen_at, failed_logins,
 * last_login_at, …) are left out, so logins and session touches do not notify.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
const statements = [
  `CREATE FUNCTION up_notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     old_user text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[0] END;
     new_user text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[0] END;
   BEGIN
     IF old_user IS NOT NULL THEN PERFORM pg_notify('up_changes', 'user:' || old_user); END IF;
     IF new_user IS DISTINCT FROM old_user AND new_user IS NOT NULL THEN
       PERFORM pg_notify('up_changes', 'user:' || new_user);
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION up_notify_all_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_notify('up_changes', '*');
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER users_notify_change
     AFTER UPDATE OF email, full_name, phone, language, password_hash, password_changed_at, must_change_password,
       status, totp_enabled, staff_role OR DELETE
     ON users FOR EACH ROW EXECUTE FUNCTION up_notify_user_change('id')`,
  `CREATE TRIGGER sessions_notify_change
     AFTER UPDATE OF user_id, customer_id, csrf_token, auth_method, authenticated_at, second_factor_pending,
       expires_at OR DELETE
     ON sessions FOR EACH ROW EXECUTE FUNCTION up_notify_user_change('user_id')`,
  `CREATE TRIGGER memberships_notify_change AFTER INSERT OR UPDATE OR DELETE
     ON memberships FOR EACH ROW EXECUTE FUNCTION up_notify_user_change('user_id')`,
  `CREATE TRIGGER terms_acceptances_notify_change AFTER INSERT OR UPDATE OR DELETE
     ON terms_acceptances FOR EACH ROW EXECUTE FUNCTION up_notify_user_change('user_id')`,
  `CREATE TRIGGER terms_versions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
     ON terms_versions FOR EACH STATEMENT EXECUTE FUNCTION up_notify_all_change()`,
  ...['users', 'sessions', 'memberships', 'terms_acceptances'].map((table) =>
    `CREATE TRIGGER ${table}_notify_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION up_notify_all_change()`),
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['users', 'sessions', 'memberships', 'terms_acceptances', 'terms_versions']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_notify_change ON ${table}`).execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_notify_truncate ON ${table}`).execute(db);
  }
  await sql.raw('DROP FUNCTION up_notify_user_change()').execute(db);
  await sql.raw('DROP FUNCTION up_notify_all_change()').execute(db);
}
