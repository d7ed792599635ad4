import { t, setLang, useLang } from './i18n';
import { onLink, usePath } from './router';
import { AppealPage } from './pages/AppealPage';
import { BoardPage } from './pages/BoardPage';
import { DonePage } from './pages/DonePage';
import { ProjectPage } from './pages/ProjectPage';
import { StatusPage } from './pages/StatusPage';
import { TrackPage } from './pages/TrackPage';

function Page({ path }: { path: string }) {
  let m: RegExpMatchArray | null;
  if (path === '/' || path === '') return <BoardPage />;
  if ((m = path.match(/^\/p\/([\w-]+)\/appeal\/?$/))) return <AppealPage key={m[1]} projectId={m[1]} />;
  if ((m = path.match(/^\/p\/([\w-]+)\/?$/))) return <ProjectPage id={m[1]!} />;
  if (/^\/appeal\/?$/.test(path)) return <AppealPage />;
  if ((m = path.match(/^\/done\/([A-Za-z2-7-]+)\/?$/))) return <DonePage code={m[1]!.toUpperCase()} />;
  if (/^\/t\/?$/.test(path)) return <TrackPage />;
  if ((m = path.match(/^\/t\/([^/]+)\/?$/))) return <StatusPage code={decodeURIComponent(m[1]!)} />;
  return (
    <div className="alert">
      <p>{t('common.notFound')}</p>
      <a href="/portal/" onClick={onLink('/')}>{t('common.home')}</a>
    </div>
  );
}

export function App() {
  const lang = useLang();
  const path = usePath();
  const tab = path.startsWith('/t') ? 'track' : path.includes('appeal') || path.startsWith('/done') ? 'raise' : 'board';
  return (
    <>
      <header className="top">
        <div className="top-row">
          <a href="/portal/" onClick={onLink('/')} className="brand">
            <strong>{t('app.title')}</strong>
            <span>{t('app.subtitle')}</span>
          </a>
          <button type="button" className="lang" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} lang={lang === 'en' ? 'zh-CN' : 'en'}>{t('app.lang')}</button>
        </div>
        <nav className="tabs">
          <a href="/portal/" onClick={onLink('/')} aria-current={tab === 'board' ? 'page' : undefined}>{t('nav.board')}</a>
          <a href="/portal/appeal" onClick={onLink('/appeal')} aria-current={tab === 'raise' ? 'page' : undefined}>{t('nav.raise')}</a>
          <a href="/portal/t" onClick={onLink('/t')} aria-current={tab === 'track' ? 'page' : undefined}>{t('nav.track')}</a>
        </nav>
      </header>
      <main className="main">
        <Page path={path} />
      </main>
    </>
  );
}
