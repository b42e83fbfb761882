import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

/** One line of a RowList. */
export interface Row {
  key: string;
  avatar?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Actions at the end of the row (they wrap below the text on narrow screens). */
  extra?: ReactNode;
  onClick?: () => void;
  testId?: string;
}

/**
 * A plain list of rows (people, sessions, tokens, invites) that stays readable at 390 px:
 * text truncates, actions wrap. antd's List is deprecated in v6, and tables do not fit phones.
 */
export function RowList(props: { rows: Row[]; loading?: boolean; empty?: ReactNode; testId?: string }) {
  if (props.loading) return <Skeleton active avatar paragraph={{ rows: 3 }} style={{ padding: 16 }} />;
  if (props.rows.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} style={{ padding: 24 }} />;
  }
  return (
    <div className="skein-rows" data-testid={props.testId}>
      {props.rows.map((row) => (
        <RowShell key={row.key} row={row}>
          {row.avatar}
          <div className="skein-row-main">
            <div className="skein-row-title">{row.title}</div>
            {row.description ? <div className="skein-row-desc">{row.description}</div> : null}
          </div>
          {row.extra ? (
            // biome-ignore lint/a11y/noStaticElementInteractions: only stops a click on an action from also opening the row
            <div className="skein-row-extra" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
              {row.extra}
            </div>
          ) : null}
        </RowShell>
      ))}
    </div>
  );
}

function RowShell({ row, children }: { row: Row; children: ReactNode }) {
  const { onClick } = row;
  if (!onClick) {
    return (
      <div className="skein-row" data-testid={row.testId}>
        {children}
      </div>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row may hold its own buttons, and buttons cannot nest
    <div
      className="skein-row skein-row-clickable"
      data-testid={row.testId}
      role="button"
      tabIndex={0}
      onClick={onClick}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onClick();
        }
      }}
    >
      {children}
    </div>
  );
}
