import { useState } from 'react';
import { groupCode } from '../format';
import { t } from '../i18n';
import { onLink } from '../router';

/** Shown once after filing: the tracking code as text and as the short link to the status page. */
export function DonePage({ code }: { code: string }) {
  const link = `${location.origin}/portal/t/${code}`;
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard?.writeText(link).then(() => setCopied(true), () => undefined);
  return (
    <section className="card done">
      <div className="big-check" aria-hidden="true">✓</div>
      <h1>{t('done.title')}</h1>
      <p className="muted">{t('done.code')}</p>
      <p className="code" data-testid="tracking-code" aria-label={t('done.code')}>{groupCode(code)}</p>
      <p>{t('done.keep')}</p>
      <p className="muted small">{t('done.link')}</p>
      <p className="linkbox"><a href={`/portal/t/${code}`} onClick={onLink(`/t/${code}`)}>{link}</a></p>
      <div className="row">
        <button type="button" className="btn" onClick={copy}>{copied ? t('done.copied') : t('done.copy')}</button>
        <a className="btn btn-primary" href={`/portal/t/${code}`} onClick={onLink(`/t/${code}`)}>{t('done.view')}</a>
      </div>
    </section>
  );
}
