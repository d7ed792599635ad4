import type { ReactNode } from 'react';
import { t, type Key } from '../i18n';

export function Light({ light }: { light: 'green' | 'yellow' | 'red' }) {
  return <span className={`light light-${light}`}><i aria-hidden="true" />{t(`light.${light}` as Key)}</span>;
}

export function Loading() {
  return <p className="muted center" role="status">{t('board.loading')}</p>;
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const status = (error as { status?: number })?.status;
  return (
    <div className="alert" role="alert">
      <p>{status === 429 ? t('common.tooMany') : t('common.error')}</p>
      {retry && <button type="button" className="btn" onClick={retry}>{t('common.retry')}</button>}
    </div>
  );
}

export function Field({ label, children, hint }: { label: ReactNode; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="field">
      {label}
      {children}
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
