import type { Kysely } from 'kysely';

/** Tables the accounts module owns: credentials, sessions, invites, access tokens, login throttling. */
export interface AccountsTables {
  acc_credentials: {
    user_id: string;
    password_hash: string;
    updated_at: number;
  };
  acc_sessions: {
    id: string;
    user_id: string;
    /** sha256 of the cookie value: a leaked database does not yield live sessions. */
    token_hash: string;
    user_agent: string | null;
    ip: string | null;
    created_at: number;
    last_seen_at: number;
    expires_at: number;
    revoked_at: number | null;
  };
  acc_invites: {
    id: string;
    token_hash: string;
    created_by: string;
    email: string | null;
    role: string | null;
    department_id: string | null;
    expires_at: number;
    created_at: number;
    used_at: number | null;
    used_by: string | null;
    revoked_at: number | null;
  };
  acc_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    /** JSON array of scopes. */
    scopes: string;
    created_at: number;
    last_used_at: number | null;
    expires_at: number | null;
    revoked_at: number | null;
  };
  acc_login_throttle: {
    /** `pair:<email>|<address>`, `account:<email>` or `address:<address>` (email lower-cased). */
    key: string;
    /** Attempts counted against the key: reserved before the password check, released on success. */
    failures: number;
    last_failure_at: number;
    locked_until: number | null;
  };
}

export type AccountsDb = Kysely<AccountsTables>;
