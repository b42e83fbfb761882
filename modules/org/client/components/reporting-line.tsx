import { Button, Flex } from 'antd';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar, useOpenPersonCard } from '../../../../platform/client/person-card.js';
import { displayNameFor } from '../../../../platform/shared/person-name.js';
import type { MemberSummary } from '../../shared/contract.js';

/** A person on someone's card (their manager, a report): face and name, opening their own card. */
export function PersonLink({ person, testId }: { person: MemberSummary; testId: string }) {
  const locale = useLocale();
  const open = useOpenPersonCard();
  const name = displayNameFor(person, locale);
  return (
    <Button
      type="link"
      size="small"
      onClick={() => open(person.id)}
      data-testid={testId}
      style={{ paddingInline: 0, height: 'auto', maxWidth: '100%' }}
      icon={<PersonAvatar userId={person.id} name={name} person={person} avatarUrl={person.avatarUrl} size={24} static />}
    >
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
    </Button>
  );
}

/** Direct reports by name (the server sorts them the way the directory does). */
export function DirectReports({ reports }: { reports: MemberSummary[] }) {
  return (
    <Flex wrap gap="4px 16px">
      {reports.map((r) => (
        <PersonLink key={r.id} person={r} testId={`contact-card-report-${r.id}`} />
      ))}
    </Flex>
  );
}
