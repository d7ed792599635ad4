import { api } from '../api';
import { ErrorBox, Light, Loading } from '../components/ui';
import { t, type Key } from '../i18n';
import { onLink } from '../router';
import { useLoad } from '../useLoad';
import { Answers, ProjectFacts } from './BoardPage';

/** A project's public page: the same facts as the board, its description, its answered appeals, "raise a problem". */
export function ProjectPage({ id }: { id: string }) {
  const p = useLoad(() => api.project(id), [id]);
  if (p.error) return (p.error as { status?: number }).status === 404 ? <p className="alert">{t('project.notFound')}</p> : <ErrorBox error={p.error} retry={p.reload} />;
  if (!p.data) return <Loading />;
  const d = p.data;
  return (
    <article>
      <a className="back" href="/portal/" onClick={onLink('/')}>← {t('project.back')}</a>
      <div className="card">
        <div className="card-head">
          <h1>{d.name}</h1>
          <Light light={d.light} />
        </div>
        <p className="muted small">{d.address}{d.street ? ` · ${d.street}` : ''} · {t(`phase.${d.phase}` as Key)}</p>
        {d.description && <p>{d.description}</p>}
        <ProjectFacts p={d} />
        <a className="btn btn-primary btn-block" href={`/portal/p/${d.id}/appeal`} onClick={onLink(`/p/${d.id}/appeal`)}>{t('project.raise')}</a>
      </div>
      <h2 className="section">{t('project.answers')}</h2>
      <Answers items={d.recentAnswers} showProject={false} />
    </article>
  );
}
