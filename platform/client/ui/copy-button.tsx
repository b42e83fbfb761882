import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton(props: { text: string; testId?: string; type?: 'primary' | 'default' }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
    } catch {
      // Insecure origins (plain http on a LAN) have no clipboard API: fall back to a selection copy.
      const area = document.createElement('textarea');
      area.value = props.text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Button type={props.type} icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={copy} data-testid={props.testId}>
      {copied ? t('common:actions.copied') : t('common:actions.copy')}
    </Button>
  );
}
