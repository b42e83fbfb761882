import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PersonCardProvider } from '../../../../platform/client/person-card.js';
import { ContactCardDrawer } from './contact-card.js';

/** Makes every avatar in the signed-in app open the contact card (one drawer for the whole app). */
export function ContactCardHost({ children }: { children: ReactNode }) {
  const [userId, setUserId] = useState<string | null>(null);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const close = () => {
    setUserId(null);
    // Opened from a person's link: closing leaves the directory, not an address that would reopen it.
    if (pathname.startsWith('/directory/people/')) navigate('/directory', { replace: true });
  };
  return (
    <PersonCardProvider value={setUserId}>
      {children}
      <ContactCardDrawer userId={userId} onClose={close} />
    </PersonCardProvider>
  );
}
