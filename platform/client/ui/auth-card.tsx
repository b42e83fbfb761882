import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { switchLanguage, useLocale } from '../i18n.js';
import { LocaleSelect } from './locale-select.js';

/**
 * The frame of every page shown before signing in: brand, a language switch (remembered on
 * this device until the profile decides), a title and the form.
 */
export function AuthCard(props: { title: ReactNode; subtitle?: ReactNode; children: ReactNode; testId?: string }) {
  const locale = useLocale();
  return (
    <div className="skein-auth" data-testid={props.testId}>
      <div className="skein-auth-top">
        <span className="skein-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} /> Skein
        </span>
        <div style={{ width: 140 }}>
          <LocaleSelect value={locale} onChange={(l) => void switchLanguage(l)} testId="auth-locale" />
        </div>
      </div>
      <Card className="skein-auth-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {props.title}
        </Typography.Title>
        {props.subtitle ? <Typography.Paragraph type="secondary">{props.subtitle}</Typography.Paragraph> : null}
        {props.children}
      </Card>
    </div>
  );
}
