import type { Kysely } from 'kysely';

/** Tables the org module owns: the organization, departments, members, roles. */
export interface OrgTables {
  org_organization: {
    id: string;
    name: string;
    default_locale: string;
    created_at: number;
  };
  org_departments: {
    id: string;
    parent_id: string | null;
    name: string;
    /** Materialized path of ids, `/dep_a/dep_b/`: a subtree is one indexed prefix match. */
    path: string;
    depth: number;
    sort: number;
    created_at: number;
    updated_at: number;
  };
  org_members: {
    id: string;
    display_name: string;
    /** JSON: optional names per locale, `{ "en-US": "Wei Zhang", "ja-JP": "張 偉" }`. */
    names: string;
    email: string;
    phone: string | null;
    title: string | null;
    job_sequence: string | null;
    job_level: string | null;
    manager_id: string | null;
    site: string | null;
    timezone: string;
    locale: string;
    avatar_file_id: string | null;
    status: 'active' | 'deactivated';
    /** Lower-cased names, pinyin, initials, romaji and email, space separated: what directory search matches. */
    search_text: string;
    /** The name in Latin letters (pinyin, kana reading's romaji): what lists sort by. */
    sort_name: string;
    created_at: number;
    updated_at: number;
  };
  org_member_departments: {
    member_id: string;
    department_id: string;
    is_primary: number;
  };
  org_member_roles: {
    member_id: string;
    role: string;
  };
  /** Department subtrees an HRBP covers. */
  org_role_scopes: {
    member_id: string;
    department_id: string;
  };
}

export type OrgDb = Kysely<OrgTables>;
