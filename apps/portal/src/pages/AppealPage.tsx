import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppealCategory } from '@liaison/contracts';
import { api, ApiError, type Solved } from '../api';
import { ErrorBox, Loading } from '../components/ui';
import { rememberMine } from '../format';
import { resizePhoto } from '../image';
import { t, type Key } from '../i18n';
import { solve } from '../pow';
import { navigate } from '../router';
import { useLoad } from '../useLoad';

const MapView = lazy(() => import('../components/MapView'));
const CATEGORIES: AppealCategory[] = ['noise', 'dust', 'traffic', 'safety', 'damage', 'hours', 'other'];
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Fetches and solves the server's challenge as soon as the form opens, while the resident writes. */
function useChallenge() {
  const [solved, setSolved] = useState<Solved | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const stop = new AbortController();
    setSolved(null);
    api.challenge()
      .then(async (c) => ({ token: c.token, nonce: await solve(c.salt, c.bits, stop.signal) }))
      .then((s) => !stop.signal.aborted && setSolved(s), () => undefined);
    return () => stop.abort();
  }, [round]);
  return { solved, renew: () => setRound((n) => n + 1) };
}

type Photo = { blob: Blob; url: string };

export function AppealPage({ projectId }: { projectId?: string }) {
  const board = useLoad(() => api.board(), []);
  const { solved, renew } = useChallenge();
  const [project, setProject] = useState(projectId ?? '');
  const [category, setCategory] = useState<AppealCategory | ''>('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [picked, setPicked] = useState<{ lat: number; lng: number } | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState<'' | 'upload' | 'submit'>('');
  const [problem, setProblem] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => () => photos.forEach((p) => URL.revokeObjectURL(p.url)), [photos]);

  if (board.error) return <ErrorBox error={board.error} retry={board.reload} />;
  if (!board.data) return <Loading />;
  const projects = board.data.items;
  const points = projects.filter((p) => p.lat !== null && p.lng !== null).map((p) => ({ id: p.id, name: p.name, lat: p.lat!, lng: p.lng!, light: p.light }));

  async function addPhotos(files: FileList | null) {
    if (!files) return;
    const room = 3 - photos.length;
    const added: Photo[] = [];
    for (const f of [...files].slice(0, room)) {
      const blob = await resizePhoto(f).catch(() => null);
      if (blob) added.push({ blob, url: URL.createObjectURL(blob) });
    }
    setPhotos((p) => [...p, ...added]);
    if (fileInput.current) fileInput.current.value = '';
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem('');
    if (!category) return setProblem(t('form.category'));
    if ([...description.trim()].length < 5) return setProblem(t('form.tooShort'));
    if (!project && !picked && !address.trim()) return setProblem(t('form.needWhere'));
    if (!anonymous && phone.trim() && !PHONE.test(phone.trim())) return setProblem(t('form.badPhone'));
    if (!solved) return;
    try {
      setBusy('upload');
      const photoIds: string[] = [];
      for (const p of photos) photoIds.push((await api.uploadPhoto(p.blob, solved)).id);
      setBusy('submit');
      const res = await api.submit({
        ...(project ? { projectId: project } : {}), category, description: description.trim(),
        ...(picked ? { location: picked } : {}), ...(address.trim() ? { address: address.trim() } : {}),
        anonymous, ...(!anonymous && name.trim() ? { name: name.trim() } : {}), ...(!anonymous && phone.trim() ? { phone: phone.trim() } : {}),
        ...(photoIds.length ? { photoIds } : {}), challenge: solved,
      });
      rememberMine({ code: res.trackingCode, at: new Date().toISOString(), category });
      navigate(`/done/${res.trackingCode}`, true);
    } catch (err) {
      // An expired or spent challenge is renewed; the resident only has to press submit again.
      if (err instanceof ApiError && err.paths.some((p) => p.includes('challenge'))) renew();
      setProblem(t('form.failed', { msg: err instanceof ApiError && err.status === 429 ? t('common.tooMany') : err instanceof Error ? err.message : '' }));
    } finally {
      setBusy('');
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h1>{t('form.title')}</h1>
      <div className="field">
        <label htmlFor="f-project">{t('form.project')}</label>
        <select id="f-project" className="input" value={project} onChange={(e) => setProject(e.target.value)}>
          <option value="">{t('form.projectNone')}</option>
          {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('form.category')}</legend>
        <div className="chips">
          {CATEGORIES.map((c) => (
            <label key={c} className={`chip${category === c ? ' on' : ''}`}>
              <input type="radio" name="category" value={c} checked={category === c} onChange={() => setCategory(c)} />
              {t(`cat.${c}` as Key)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="f-description">{t('form.description')}</label>
        <textarea id="f-description" className="input" rows={5} maxLength={2000} placeholder={t('form.descriptionHint')} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('form.location')}</legend>
        <button type="button" className="btn" onClick={() => setShowMap((v) => !v)} aria-expanded={showMap}>{showMap ? t('form.hideMap') : t('form.pickOnMap')}</button>
        {showMap && (
          <Suspense fallback={<Loading />}>
            <MapView points={points} center={board.data.map.center} tileUrl={board.data.map.tileUrl} picked={picked} onPick={setPicked} label={t('form.pickOnMap')} />
          </Suspense>
        )}
        {picked && <p className="small">{t('form.picked', { lat: picked.lat.toFixed(5), lng: picked.lng.toFixed(5) })} <button type="button" className="link" onClick={() => setPicked(null)}>{t('form.clearPoint')}</button></p>}
        <label htmlFor="f-address" className="sub">{t('form.address')}</label>
        <input id="f-address" className="input" maxLength={200} placeholder={t('form.addressHint')} value={address} onChange={(e) => setAddress(e.target.value)} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('form.photos')}</legend>
        <div className="photos">
          {photos.map((p, i) => (
            <figure key={p.url}>
              <img src={p.url} alt="" />
              <button type="button" className="link" onClick={() => setPhotos((all) => all.filter((_, j) => j !== i))}>{t('form.removePhoto')}</button>
            </figure>
          ))}
          {photos.length < 3 && (
            <label className="add-photo">
              <input ref={fileInput} type="file" accept="image/*" multiple onChange={(e) => void addPhotos(e.target.files)} />
              <span>＋ {t('form.addPhoto')}</span>
            </label>
          )}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('form.contact')}</legend>
        <label className="check"><input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('form.anonymous')}</label>
        {!anonymous && (
          <div className="two">
            <div><label htmlFor="f-name" className="sub">{t('form.name')}</label><input id="f-name" className="input" maxLength={40} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} /></div>
            <div><label htmlFor="f-phone" className="sub">{t('form.phone')}</label><input id="f-phone" className="input" inputMode="tel" autoComplete="tel" maxLength={13} value={phone} onChange={(e) => setPhone(e.target.value)} /></div>
          </div>
        )}
        <p className="hint">{t('form.privacy')}</p>
      </fieldset>
      <p className={`check-state${solved ? ' done' : ''}`} role="status" aria-live="polite">{solved ? `✓ ${t('form.checked')}` : t('form.checking')}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      <button type="submit" className="btn btn-primary btn-block" disabled={!solved || !!busy}>
        {busy === 'upload' ? t('form.uploading') : busy === 'submit' ? t('form.submitting') : t('form.submit')}
      </button>
    </form>
  );
}
