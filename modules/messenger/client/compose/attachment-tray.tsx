import { CloseOutlined, FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileSize, type StagedFile } from './staged-files.js';
import './compose.css';

/** Above the composer's text: what will go with the next Send, each removable. */
export function AttachmentTray(props: { staged: StagedFile[]; onRemove: (id: string) => void }) {
  const { t } = useTranslation('messenger');
  if (props.staged.length === 0) return null;
  return (
    <div className="msg-staged" data-testid="composer-staged">
      {props.staged.map((s) => (
        <div
          key={s.id}
          className={s.url ? 'msg-staged-item' : 'msg-staged-item file'}
          data-testid={s.url ? 'composer-staged-image' : 'composer-staged-file'}
          title={s.file.name}
        >
          {s.url ? (
            <img src={s.url} alt={s.file.name} />
          ) : (
            <>
              <FileOutlined className="msg-staged-file-icon" />
              <span className="msg-staged-file-text">
                <span className="msg-staged-file-name">{s.file.name}</span>
                <span className="msg-staged-file-size">{fileSize(s.file.size)}</span>
              </span>
            </>
          )}
          <button
            type="button"
            className="msg-staged-remove"
            onClick={() => props.onRemove(s.id)}
            aria-label={t('composer.removeAttachment', { name: s.file.name })}
            title={t('composer.removeAttachment', { name: s.file.name })}
            data-testid="composer-staged-remove"
          >
            <CloseOutlined />
          </button>
        </div>
      ))}
    </div>
  );
}
