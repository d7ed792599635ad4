import { lazy, Suspense, useMemo, useState } from 'react';
import type { PublicAnswer, PublicProject } from '@liaison/contracts';
import { api } from '../api';
import { ErrorBox, Light, Loading } from '../components/ui';
import { fmtDate } from '../format';
import { t, type Key } from '../i18n';
import { navigate, onLink } from '../router';
import { useLoad } from '../useLoad';

const MapView = lazy(() => import('../components/MapView'));

export function ProjectFacts({ p }: { p: PublicProject }) {
  return (
    <dl className="facts">
      {p.commissioner && (
        <>
          <dt>{t('project.commissioner')}</dt>
          <dd>
            {p.commissioner.name}
            {p.commissioner.phone && <> · <a href={`tel:${p.commissioner.phone}`} aria-label={`${t('project.call')} ${p.commissioner.name}`}>{p.commissioner.phone}</a></>}
          </dd>
        </>
      )}
      {p.branch && (<><dt>{t('project.branch')}</dt><dd>{p.branch.name}</dd></>)}
      {p.constructionHours && (<><dt>{t('project.hours')}</dt><dd>{p.constructionHours}</dd></>)}
      {p.impactNotice && (<><dt>{t('project.notice')}</dt><dd className="notice">{p.impactNotice}</dd></>)}
    </dl>
  );
}

export function Answers({ items, showProject = true }: { items: PublicAnswer[]; showProject?: boolean }) {
  if (!items.length) return <p className="muted">{t('board.none')}</p>;
  return (
    <ul className="answers">
      {items.map((a, i) => (
        <li key={i}>
          <div className="answer-head">
            <span className="tag">{t(`cat.${a.category}` as Key)}</span>
            {showProject && a.projectName && <span>{a.projectName}</span>}
            <time className="muted">{fmtDate(a.answeredAt)}</time>
          </div>
          <p>{a.reply}</p>
        </li>
      ))}
    </ul>
  );
}

export function BoardPage() {
  const board = useLoad(() => api.board(), []);
  const [view, setView] = useState<'list' | 'map'>('list');
  const [q, setQ] = useState('');
  const items = useMemo(() => (board.data?.items ?? []).filter((p) => !q || p.name.includes(q) || p.address.includes(q) || (p.street ?? '').includes(q)), [board.data, q]);
  if (board.error) return <ErrorBox error={board.error} retry={board.reload} />;
  if (!board.data) return <Loading />;
  const points = items.filter((p) => p.lat !== null && p.lng !== null).map((p) => ({ id: p.id, name: p.name, lat: p.lat!, lng: p.lng!, light: p.light }));
  return (
    <>
      <p className="intro">{t('board.intro')}</p>
      <div className="toolbar">
        <input type="search" className="input" placeholder={t('board.search')} aria-label={t('board.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <div className="seg" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'list'} onClick={() => setView('list')}>{t('board.list')}</button>
          <button type="button" role="tab" aria-selected={view === 'map'} onClick={() => setView('map')}>{t('board.map')}</button>
        </div>
      </div>
      <p className="muted small">{t('board.count', { n: items.length })}</p>
      {view === 'map' ? (
        <Suspense fallback={<Loading />}>
          <MapView points={points} center={board.data.map.center} tileUrl={board.data.map.tileUrl} onOpen={(id) => navigate(`/p/${id}`)} label={t('board.map')} />
        </Suspense>
      ) : (
        <ul className="cards">
          {items.map((p) => (
            <li key={p.id} className="card">
              <div className="card-head">
                <h2><a href={`/portal/p/${p.id}`} onClick={onLink(`/p/${p.id}`)}>{p.name}</a></h2>
                <Light light={p.light} />
              </div>
              <p className="muted small">{p.address}{p.street ? ` · ${p.street}` : ''} · {t(`phase.${p.phase}` as Key)}</p>
              <ProjectFacts p={p} />
              <a className="btn btn-primary btn-block" href={`/portal/p/${p.id}/appeal`} onClick={onLink(`/p/${p.id}/appeal`)}>{t('project.raise')}</a>
            </li>
          ))}
        </ul>
      )}
      <section>
        <h2 className="section">{t('board.recent')}</h2>
        <Answers items={board.data.recentAnswers} />
      </section>
    </>
  );
}
