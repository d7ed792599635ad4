import { useState, type FormEvent } from 'react';
import type { PublicAppeal } from '@liaison/contracts';
import { api, ApiError } from '../api';
import { ErrorBox, Loading } from '../components/ui';
import { fmtDate, fmtTime, groupCode } from '../format';
import { t, type Key } from '../i18n';
import { onLink } from '../router';
import { useLoad } from '../useLoad';

type Entry = PublicAppeal['timeline'][number];
const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

function entryText(e: Entry): string {
  if (e.kind === 'dispatched') return t('tl.dispatched', { unit: e.unit ?? '' });
  if (e.kind === 'rated') return t('tl.rated', { rating: e.rating ? t(`rate.${e.rating}` as Key) : '' });
  return t(`tl.${e.kind}` as Key);
}

function RatingForm({ appeal, onDone }: { appeal: PublicAppeal; onDone: (a: PublicAppeal) => void }) {
  const [rating, setRating] = useState<(typeof RATINGS)[number] | ''>('');
  const [comment, setComment] = useState('');
  const [reopen, setReopen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return;
    setBusy(true);
    try {
      onDone(await api.rate(appeal.trackingCode, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(reopen && rating === 'unsatisfied' ? { reopen: true } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={send}>
      <h2>{t('rate.title')}</h2>
      <fieldset className="field">
        <legend className="sr-only">{t('rate.title')}</legend>
        <div className="chips">
          {RATINGS.map((r) => (
            <label key={r} className={`chip${rating === r ? ' on' : ''}`}>
              <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} />
              {t(`rate.${r}` as Key)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="f-comment">{t('rate.comment')}</label>
      <textarea id="f-comment" className="input" rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
      {rating === 'unsatisfied' && appeal.canReopen && (
        <label className="check"><input type="checkbox" checked={reopen} onChange={(e) => setReopen(e.target.checked)} /> {t('rate.reopen')}</label>
      )}
      {error ? <p className="alert" role="alert">{error instanceof ApiError && error.status === 429 ? t('common.tooMany') : t('common.error')}</p> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={!rating || busy}>{t('rate.submit')}</button>
    </form>
  );
}

/** The status page: where the appeal stands, the public reply once verified, the public timeline, the rating. */
export function StatusPage({ code }: { code: string }) {
  const a = useLoad(() => api.appeal(code), [code]);
  const [thanks, setThanks] = useState(false);
  if (a.error) {
    if ((a.error as { status?: number }).status === 404) return <div className="alert" role="alert"><p>{t('track.notFound')}</p><a href="/portal/t" onClick={onLink('/t')}>{t('track.title')}</a></div>;
    return <ErrorBox error={a.error} retry={a.reload} />;
  }
  if (!a.data) return <Loading />;
  const d = a.data;
  return (
    <article className="status">
      <div className="card">
        <p className="muted small mono">{groupCode(d.trackingCode)}</p>
        <div className="card-head">
          <h1>{t('status.title')}</h1>
          <span className={`badge st-${d.status}`}>{t(`st.${d.status}` as Key)}</span>
        </div>
        <p className="small">{t(`cat.${d.category}` as Key)}{d.project ? ` · ${d.project.name}` : ''} · {fmtDate(d.submittedAt)}</p>
        {d.expectedAt && <p className="small">{t('status.expected')}：{fmtDate(d.expectedAt)}</p>}
      </div>
      {d.reply && (
        <section className="card reply">
          <h2>{t('status.reply')}</h2>
          <p>{d.reply}</p>
          <p className="muted small">{fmtTime(d.repliedAt)}</p>
        </section>
      )}
      {thanks && <p className="ok" role="status">{t('rate.thanks')}</p>}
      {d.canRate && <RatingForm appeal={d} onDone={(x) => { a.set(x); setThanks(true); }} />}
      <section className="card">
        <h2>{t('status.timeline')}</h2>
        <ol className="timeline">
          {d.timeline.map((e, i) => (
            <li key={i}>
              <time>{fmtTime(e.at)}</time>
              <span>{entryText(e)}</span>
              {e.text && <q>{e.text}</q>}
            </li>
          ))}
        </ol>
      </section>
      <section className="card">
        <h2>{t('status.your')}</h2>
        <p className="pre">{d.description}</p>
        {d.address && <p className="muted small">{d.address}</p>}
      </section>
    </article>
  );
}
