import { type QueryClient, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import type { Locale } from '../../../../platform/shared/i18n.js';
import { displayNameFor } from '../../../../platform/shared/person-name.js';
import { getContactCard } from '../../../org/shared/contract.js';
import type { MemberView } from '../../../org/shared/types.js';

/** What a chat needs to show a person: name in the reader's language and face. */
export interface Person {
  id: string;
  displayName: string;
  names: Partial<Record<Locale, string>>;
  avatarUrl: string | null;
  title: string | null;
}

const key = (id: string) => ['messenger', 'person', id];

/**
 * People are looked up one contact card at a time and cached for the session (there is no
 * batch "members by id" endpoint yet); directory search results seed the cache for free.
 */
async function fetchPerson(id: string): Promise<Person> {
  const card = await api(getContactCard, { params: { userId: id as `usr_${string}` } });
  return toPerson(card.member);
}

export function toPerson(m: Pick<MemberView, 'id' | 'displayName' | 'names' | 'avatarUrl' | 'title'>): Person {
  return { id: m.id, displayName: m.displayName, names: m.names, avatarUrl: m.avatarUrl, title: m.title };
}

/** Puts directory search results into the people cache. */
export function seedPeople(qc: QueryClient, members: Person[]): void {
  for (const m of members) qc.setQueryData(key(m.id), m);
}

/** The name the reader sees (the one rule in displayNameFor); `fallback` while the person loads. */
export function nameOf(person: Person | undefined, locale: Locale, fallback = '…'): string {
  return person ? displayNameFor(person, locale) : fallback;
}

const personQuery = (id: string) => ({
  queryKey: key(id),
  queryFn: () => fetchPerson(id),
  staleTime: 10 * 60_000,
  gcTime: 60 * 60_000,
  enabled: id.startsWith('usr_'),
});

/** One person, from the cache or a contact card request. */
export function usePerson(id: string | null | undefined) {
  const locale = useLocale();
  const q = useQuery({ ...personQuery(id ?? ''), enabled: Boolean(id?.startsWith('usr_')) });
  return { person: q.data, name: nameOf(q.data, locale) };
}

/** Several people at once (member lists, receipts). */
export function usePeople(ids: string[]): Map<string, Person> {
  const results = useQueries({ queries: ids.map((id) => personQuery(id)) });
  const map = new Map<string, Person>();
  results.forEach((r, i) => {
    if (r.data) map.set(ids[i], r.data);
  });
  return map;
}
