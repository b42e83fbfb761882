import { type ReactNode, useState } from 'react';
import { PersonCardProvider } from '../../../../platform/client/person-card.js';
import { ContactCardDrawer } from './contact-card.js';

/** Makes every avatar in the signed-in app open the contact card (one drawer for the whole app). */
export function ContactCardHost({ children }: { children: ReactNode }) {
  const [userId, setUserId] = useState<string | null>(null);
  return (
    <PersonCardProvider value={setUserId}>
      {children}
      <ContactCardDrawer userId={userId} onClose={() => setUserId(null)} />
    </PersonCardProvider>
  );
}
