import { Popover, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { getReceipts } from '../../shared/contract.js';
import { nameOf, usePeople } from '../data/people.js';

function ReceiptList({ messageId }: { messageId: string }) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const receipts = useApiQuery(getReceipts, { params: { messageId: messageId as `msg_${string}` } }, { staleTime: 0 });
  const people = usePeople([...(receipts.data?.readBy ?? []), ...(receipts.data?.unreadBy ?? [])]);
  if (!receipts.data) return <Skeleton active paragraph={{ rows: 2 }} style={{ width: 220 }} />;
  const column = (title: string, ids: string[], testId: string) => (
    <div className="msg-receipt-col" data-testid={testId}>
      <div className="msg-receipt-title">
        {title} · {ids.length}
      </div>
      {ids.map((id) => (
        <div key={id} className="msg-receipt-person">
          <PersonAvatar
            userId={id}
            name={nameOf(people.get(id), locale)}
            person={people.get(id)}
            avatarUrl={people.get(id)?.avatarUrl}
            size={22}
          />
          <span>{nameOf(people.get(id), locale)}</span>
        </div>
      ))}
    </div>
  );
  return (
    <div className="msg-receipts">
      {column(t('message.readList'), receipts.data.readBy, 'receipts-read')}
      {column(t('message.unreadList'), receipts.data.unreadBy, 'receipts-unread')}
    </div>
  );
}

/**
 * "Read by 3 of 5" under my message in a group; a click shows who has and who has not. In a
 * direct chat there is one reader: a plain "Read" once they have, nothing before.
 */
export function ReadReceipt(props: { messageId: string; read: number; total: number; direct?: boolean }) {
  const { t } = useTranslation('messenger');
  const [open, setOpen] = useState(false);
  const all = props.read >= props.total;
  if (props.direct) {
    return all ? (
      <span className="msg-read all" data-testid="message-receipt">
        {t('message.readList')}
      </span>
    ) : null;
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('message.receipts')}
      content={open ? <ReceiptList messageId={props.messageId} /> : null}
    >
      <button type="button" className={all ? 'msg-read all' : 'msg-read'} data-testid="message-receipt">
        {all ? t('message.readByAll') : t('message.readBy', { read: props.read, total: props.total })}
      </button>
    </Popover>
  );
}
