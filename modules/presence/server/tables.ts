import type { Kysely } from 'kysely';

export interface PresenceTables {
  /** A person's do-not-disturb; a row only once they set something. Written only when they change it. */
  prs_settings: {
    user_id: string;
    /** 1 while do-not-disturb was switched on by hand. */
    dnd_on: number;
    /** When the hand-set do-not-disturb ends (UTC ms); null: until switched off. */
    dnd_until: number | null;
    /** Daily schedule in the profile's zone, `HH:MM`; both null when there is none. */
    schedule_start: string | null;
    schedule_end: string | null;
    updated_at: number;
  };
}

export type PresenceDb = Kysely<PresenceTables>;
