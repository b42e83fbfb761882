import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A dialog that first shows a creation form, then — once created — what must be seen now or
 * never (a token's secret, an invite link). Its footer switches from cancel/create to one button.
 */
export function CreateThenRevealModal(props: {
  open: boolean;
  title: string;
  /** Shown instead of the form once set. */
  revealed: ReactNode | null;
  revealedTitle: string;
  doneLabel: string;
  doneTestId?: string;
  createTestId?: string;
  creating: boolean;
  /** Submits the form (usually `form.submit()`). */
  onCreate: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const shown = props.revealed !== null;
  return (
    <Modal
      open={props.open}
      title={shown ? props.revealedTitle : props.title}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        shown ? (
          <Button type="primary" onClick={props.onClose} data-testid={props.doneTestId}>
            {props.doneLabel}
          </Button>
        ) : (
          <>
            <Button onClick={props.onClose}>{t('common:actions.cancel')}</Button>
            <Button type="primary" loading={props.creating} onClick={props.onCreate} data-testid={props.createTestId}>
              {t('common:actions.create')}
            </Button>
          </>
        )
      }
    >
      {shown ? props.revealed : props.children}
    </Modal>
  );
}
