import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title row (with optional actions) and its body, padded for desktop and phone alike. */
export function Page(props: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="skein-page" data-testid={props.testId}>
      <div className="skein-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.extra ? <div className="skein-page-extra">{props.extra}</div> : null}
      </div>
      {props.children}
    </div>
  );
}
