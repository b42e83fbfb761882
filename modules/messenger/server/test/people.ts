import type { TestApp, TestClient } from '../../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../../accounts/server/test/factories.js';
import { sendMessage } from '../../shared/contract.js';

export interface Person {
  client: TestClient;
  id: string;
}

/** An organization with an admin (the first person) and `names.length` more people, all signed in. */
export async function orgWith(t: TestApp, ...names: string[]): Promise<{ admin: Person; people: Record<string, Person> }> {
  const { admin, me } = await setupOrg(t);
  const people: Record<string, Person> = {};
  for (const name of names) {
    const { client, me } = await invitePerson(t, admin, { email: `${name}@acme.test`, displayName: name });
    people[name] = { client, id: me.user.id };
  }
  return { admin: { client: admin, id: me.user.id }, people };
}

let counter = 0;

/** Sends a text message through the real endpoint; returns it. */
export function say(person: Person, chatId: string, text: string) {
  counter += 1;
  return person.client.api(sendMessage, {
    params: { chatId: chatId as never },
    body: { clientId: `c-${Date.now()}-${counter}`, kind: 'text', content: { text } },
  });
}
