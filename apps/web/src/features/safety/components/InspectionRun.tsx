import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Progress, Typography } from 'antd';
import { CloudSyncOutlined, CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError, uploadFile } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/errors';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { jpegName, resizePhoto } from '../../../shared/image';
import { useCurrentSession } from '../../session/api';
import { inspectionKey, useSubmitInspection, type Inspection } from '../api';
import { InspectionItemCard } from './InspectionItemCard';
import { missingOf, problemsFromServer, type ItemState, type Problems, type Result } from './inspectionChecks';
import { SignaturePad } from './SignaturePad';
import { useInspectionSaver } from './useInspectionSaver';

/** The inspection on site: item by item, photos and notes for failures, both signatures, then submit. */
export function InspectionRun({ inspection: insp }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const session = useCurrentSession();
  const qc = useQueryClient();
  const feedback = useFeedback();
  const { save, saving, settled } = useInspectionSaver(insp.id);
  const submit = useSubmitInspection(insp.id);
  const [local, setLocal] = useState<Record<string, Partial<ItemState>>>({});
  const [photoBusy, setPhotoBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [signer, setSigner] = useState(insp.contractorSignerName ?? '');
  const [location, setLocation] = useState(insp.location ?? '');
  const [summary, setSummary] = useState(insp.summary ?? '');

  const byId = useMemo(() => new Map(insp.items.map((i) => [i.id, i])), [insp.items]);
  const state = (id: string): ItemState => {
    const s = byId.get(id)!;
    return { result: s.result, note: s.note, photoId: s.photoId, ...local[id] };
  };
  const groups = insp.items.reduce<{ category: string; items: typeof insp.items }[]>((acc, i) => {
    const last = acc[acc.length - 1];
    if (last && last.category === i.category) last.items.push(i);
    else acc.push({ category: i.category, items: [i] });
    return acc;
  }, []);
  // Problems shown after a refused submit fade as they are fixed.
  const stillMissing = problems.size ? missingOf(insp, state, t) : problems;
  const shown: Problems = new Map([...problems].filter(([k]) => stillMissing.has(k)).map(([k]) => [k, stillMissing.get(k) ?? problems.get(k)!]));
  const done = insp.items.filter((i) => state(i.id).result).length;
  const fails = insp.items.filter((i) => state(i.id).result === 'fail');
  const majors = fails.filter((i) => i.severity === 'major').length;

  // Taps show at once; an item's overrides go when the answer to its latest change is in (or that change failed).
  const latestChange = useRef<Record<string, number>>({});
  const change = (id: string, patch: Partial<ItemState>) => {
    const seq = (latestChange.current[id] ?? 0) + 1;
    latestChange.current[id] = seq;
    setLocal((l) => ({ ...l, [id]: { ...l[id], ...patch } }));
    setProblems((p) => {
      if (!p.has(id)) return p;
      const n = new Map(p);
      n.delete(id);
      return n;
    });
    const s = { ...state(id), ...patch };
    if (!s.result) return;
    const settle = () => {
      if (latestChange.current[id] !== seq) return;
      setLocal((l) => {
        const { [id]: _, ...rest } = l;
        return rest;
      });
    };
    save({ items: [{ itemId: id, result: s.result, ...('note' in patch ? { note: patch.note || null } : {}), ...('photoId' in patch ? { photoId: patch.photoId } : {}) }] })
      .then(settle, (e: unknown) => {
        settle();
        feedback.error(e);
      });
  };

  const photo = async (id: string, file: File) => {
    setPhotoBusy(id);
    try {
      const blob = await resizePhoto(file);
      const f = await uploadFile(blob, jpegName(file.name));
      change(id, { result: 'fail', photoId: f.id });
    } catch (e) {
      void message.error(isApiError(e) ? errorMessage(e, t) : t('photos.failed'));
    } finally {
      setPhotoBusy(null);
    }
  };

  const saveField = (body: Parameters<typeof save>[0]) => save(body).catch((e: unknown) => void feedback.error(e));

  const trySubmit = async () => {
    await settled();
    // The answers to the last taps may have come in after this render: judge the latest draft.
    const latest = qc.getQueryData<Inspection>(inspectionKey(insp.id)) ?? insp;
    const latestById = new Map(latest.items.map((i) => [i.id, i]));
    const latestState = (id: string): ItemState => {
      const s = latestById.get(id)!;
      return { result: s.result, note: s.note, photoId: s.photoId, ...local[id] };
    };
    const fresh = missingOf(latest, latestState, t);
    setProblems(fresh);
    if (fresh.size) {
      const first = [...fresh.keys()][0]!;
      const pos = byId.get(first)?.position;
      document.querySelector(pos ? `[data-item-position="${pos}"]` : `[data-sign="${first}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      void message.warning(t('safety.incomplete', { count: [...fresh.values()].flat().length }));
      return;
    }
    modal.confirm({
      title: t('safety.submitConfirm'),
      content: fails.length
        ? t('safety.submitConfirmFails', { count: fails.length, major: majors, unit: latest.contractorUnit?.name ?? t('safety.contractor') }) + (majors ? t('safety.submitConfirmStop') : '')
        : t('safety.submitConfirmClean'),
      okText: t('safety.submit'),
      okButtonProps: { danger: majors > 0 },
      cancelText: t('common.cancel'),
      onOk: () =>
        submit.mutateAsync(latest.version).then(
          (r) => feedback.success(r.hazards.length ? 'safety.submittedHazards' : 'safety.submittedClean', { count: r.hazards.length }),
          (e: unknown) => {
            const p = problemsFromServer(e);
            if (p.size) setProblems(p);
            feedback.error(e);
          },
        ),
    });
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <Flex vertical gap={2}>
        <Typography.Title level={4} style={{ margin: 0 }}>{insp.project.name}</Typography.Title>
        <Typography.Text type="secondary">{insp.template.name} · {formatDateTime(insp.inspectedAt)} · {t('safety.inspectorIs', { name: insp.inspector.displayName })}</Typography.Text>
      </Flex>
      <Card size="small" style={{ position: 'sticky', top: 64, zIndex: 5 }}>
        <Flex align="center" gap={12}>
          <Progress type="circle" size={44} percent={Math.round((done / Math.max(1, insp.items.length)) * 100)} />
          <Flex vertical style={{ flex: 1 }}>
            <Typography.Text strong>{t('safety.progress', { done, total: insp.items.length })}</Typography.Text>
            <Typography.Text type={fails.length ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {t('safety.failCount', { count: fails.length, major: majors })}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-live="polite">
            {saving ? <><CloudSyncOutlined /> {t('safety.saving')}</> : <><CheckCircleOutlined /> {t('safety.saved')}</>}
          </Typography.Text>
        </Flex>
      </Card>
      <Input aria-label={t('safety.location')} placeholder={t('safety.locationPlaceholder')} value={location} maxLength={200}
        onChange={(e) => setLocation(e.target.value)}
        onBlur={() => location.trim() !== (insp.location ?? '') && void saveField({ location: location.trim() || null })} />
      {groups.map((g) => (
        <Flex key={`${g.category}-${g.items[0]!.id}`} vertical gap={8}>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {g.category} <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
              {t('safety.groupDone', { done: g.items.filter((i) => state(i.id).result).length, total: g.items.length })}
            </Typography.Text>
          </Typography.Title>
          {g.items.map((i) => (
            <InspectionItemCard key={i.id} item={i} state={state(i.id)} problems={shown.get(i.id)} busyPhoto={photoBusy === i.id}
              onResult={(r: Result) => change(i.id, { result: r })}
              onNote={(note) => change(i.id, { result: 'fail', note })}
              onPhoto={(f) => void photo(i.id, f)} />
          ))}
        </Flex>
      ))}
      <Card size="small" title={t('safety.summary')}>
        <Input.TextArea aria-label={t('safety.summary')} placeholder={t('safety.summaryPlaceholder')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000}
          value={summary} onChange={(e) => setSummary(e.target.value)}
          onBlur={() => summary.trim() !== (insp.summary ?? '') && void saveField({ summary: summary.trim() || null })} />
      </Card>
      <Card size="small" title={t('safety.signatures')}>
        <Flex vertical gap={16}>
          <Flex vertical gap={6} data-sign="inspector">
            <Typography.Text strong>{t('safety.inspectorSignature', { name: session.user.displayName })}</Typography.Text>
            <SignaturePad label={t('safety.inspector')} value={insp.inspectorSignatureId} onChange={(id) => saveField({ inspectorSignatureId: id })} />
            {shown.get('inspector') ? <Typography.Text type="danger">{shown.get('inspector')!.join('；')}</Typography.Text> : null}
          </Flex>
          <Flex vertical gap={6} data-sign="signer">
            <Typography.Text strong>{t('safety.contractorSignature', { unit: insp.contractorUnit?.name ?? t('safety.contractor') })}</Typography.Text>
            <Input aria-label={t('safety.signerName')} placeholder={t('safety.signerName')} value={signer} maxLength={40} status={shown.get('signer') ? 'error' : undefined}
              onChange={(e) => setSigner(e.target.value)}
              onBlur={() => signer.trim() !== (insp.contractorSignerName ?? '') && void saveField({ contractorSignerName: signer.trim() || null })} />
            {shown.get('signer') ? <Typography.Text type="danger">{shown.get('signer')!.join('；')}</Typography.Text> : null}
          </Flex>
          <Flex vertical gap={6} data-sign="contractor">
            <SignaturePad label={t('safety.contractorRep')} value={insp.contractorSignatureId} onChange={(id) => saveField({ contractorSignatureId: id })} />
            {shown.get('contractor') ? <Typography.Text type="danger">{shown.get('contractor')!.join('；')}</Typography.Text> : null}
          </Flex>
        </Flex>
      </Card>
      {shown.size ? <Alert type="error" showIcon title={t('safety.incomplete', { count: [...shown.values()].flat().length })} /> : null}
      {majors ? <Alert type="warning" showIcon title={t('safety.majorWarning', { count: majors })} /> : null}
      <Button type="primary" size="large" block icon={<SendOutlined />} loading={submit.isPending} disabled={!insp.allowedActions.includes('submit')}
        onClick={() => void trySubmit()} style={{ height: 52, fontSize: 17 }}>
        {t('safety.submit')}
      </Button>
    </Flex>
  );
}
