import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../../../platform/client/api.js';
import { openDirectChat } from '../../shared/contract.js';
import { refreshChats } from '../data/chats.js';

/**
 * /messages/with/:userId: opens (or starts) my direct chat with that person and replaces the
 * address with the chat's. Other modules (the contact card's Message button) link here, so
 * they need no messenger code.
 */
export function OpenDirectPage() {
  const { userId = '' } = useParams();
  const { t } = useTranslation('messenger');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    setError(null);
    api(openDirectChat, { body: { userId: userId as `usr_${string}` } }).then(
      async (chat) => {
        await refreshChats(qc);
        if (current) navigate(`/messages/${chat.id}`, { replace: true });
      },
      (err: unknown) => {
        if (current) setError(err);
      },
    );
    return () => {
      current = false;
    };
  }, [userId, qc, navigate]);

  if (error) {
    return (
      <Result
        status="warning"
        title={errorMessage(error)}
        extra={
          <Button onClick={() => navigate('/messages', { replace: true })} data-testid="open-direct-back">
            {t('conv.back')}
          </Button>
        }
      />
    );
  }
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100%', minHeight: 200 }} data-testid="open-direct">
      <Spin />
    </div>
  );
}
