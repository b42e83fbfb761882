import { CheckOutlined, CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../copy-text.js';

/** Copies `text` to the clipboard and says so for a moment; `link` labels it "Copy link". */
export function CopyButton(props: { text: string; testId?: string; type?: 'primary' | 'default'; link?: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await copyText(props.text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  const icon = copied ? <CheckOutlined /> : props.link ? <LinkOutlined /> : <CopyOutlined />;
  const label = copied
    ? t(props.link ? 'common:actions.linkCopied' : 'common:actions.copied')
    : t(props.link ? 'common:actions.copyLink' : 'common:actions.copy');
  return (
    <Button type={props.type} icon={icon} onClick={copy} data-testid={props.testId}>
      {label}
    </Button>
  );
}
