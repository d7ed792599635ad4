import { useState } from 'react';
import { Alert, App, Card, Empty, Skeleton } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useCurrentSession } from '../../session/api';
import { useSiteLogProjects } from '../api';
import { SiteLogForm, type SiteLogFormValues } from '../components/SiteLogForm';
import { draftsSnapshot, newDraft, saveDraft } from '../offline/drafts';
import { useFlushDrafts, useOnline } from '../offline/useOutbox';

const blank = (v?: string) => (v && v.trim() ? v.trim() : null);

export default function SiteLogNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const session = useCurrentSession();
  const projects = useSiteLogProjects(session.user.id);
  const online = useOnline();
  const flush = useFlushDrafts();
  const [saving, setSaving] = useState(false);
  const fixedProject = search.get('projectId') ?? undefined;
  const list = projects.data ?? [];

  const submit = async (v: SiteLogFormValues) => {
    setSaving(true);
    try {
      const draft = newDraft(
        session.user.id,
        list.find((p) => p.id === v.projectId)?.name ?? '',
        {
          projectId: v.projectId,
          date: v.date,
          timeIn: blank(v.timeIn),
          timeOut: blank(v.timeOut),
          weather: blank(v.weather),
          duties: v.duties,
          seen: v.seen?.trim() ?? '',
          done: v.done.trim(),
          peopleMet: blank(v.peopleMet),
        },
        v.photos.map((p) => ({ name: p.name, blob: p.blob })),
      );
      // The draft is on the device before anything is sent: a dropped connection loses nothing.
      await saveDraft(draft);
      await flush();
      const left = draftsSnapshot().find((d) => d.key === draft.key);
      if (!left) void message.success(t('siteLogs.sentOk'));
      else if (left.status === 'needs-attention') void message.error(left.error ?? t('outbox.needsAttention'));
      else void message.info(t('siteLogs.savedOffline'));
      navigate(fixedProject ? `/projects/${fixedProject}?tab=site-logs` : '/site-logs');
    } catch {
      void message.error(t('siteLogs.draftFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('siteLogs.new')} />
      {!online ? <Alert type="warning" showIcon title={t('siteLogs.offlineHint')} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ maxWidth: 720 }}>
        {projects.isPending ? (
          <Skeleton active />
        ) : !list.length ? (
          <Empty description={online ? t('siteLogs.noProjects') : t('siteLogs.noProjectsOffline')} />
        ) : (
        <SiteLogForm
          projects={list}
          projectsLoading={projects.isFetching && !list.length}
          initial={{ projectId: fixedProject ?? (list.length === 1 ? list[0]!.id : undefined) }}
          submitting={saving}
          onSubmit={(v) => void submit(v)}
        />
        )}
      </Card>
    </>
  );
}
