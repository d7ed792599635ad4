import { useState, type FormEvent } from 'react';
import { fmtDate, groupCode, loadMine } from '../format';
import { t, type Key } from '../i18n';
import { navigate, onLink } from '../router';

/** Enter a tracking code, or pick one this phone filed before. */
export function TrackPage() {
  const [code, setCode] = useState('');
  const mine = loadMine();
  const go = (e: FormEvent) => {
    e.preventDefault();
    const c = code.toUpperCase().replace(/[\s-]/g, '');
    if (c) navigate(`/t/${c}`);
  };
  return (
    <>
      <form className="form" onSubmit={go}>
        <h1>{t('track.title')}</h1>
        <label htmlFor="f-code">{t('track.enter')}</label>
        <div className="row">
          <input id="f-code" className="input mono" autoCapitalize="characters" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="btn btn-primary">{t('track.go')}</button>
        </div>
      </form>
      {mine.length > 0 && (
        <section>
          <h2 className="section">{t('track.mine')}</h2>
          <ul className="cards">
            {mine.map((m) => (
              <li key={m.code} className="card">
                <a href={`/portal/t/${m.code}`} onClick={onLink(`/t/${m.code}`)} className="mono">{groupCode(m.code)}</a>
                <p className="muted small">{t(`cat.${m.category}` as Key)} · {fmtDate(m.at)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
