import { Card, Collapse, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { FileThumb } from '../../../shared/ui/FileThumb';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import type { Hazard, Inspection } from '../api';
import { NoticeButtons } from './NoticeButtons';
import { ResultTag, SeverityTag } from './SeverityTag';
import { StopWorkBanner } from './StopWork';

function HazardCard({ h }: { h: Hazard }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-hazard={h.severity} style={{ borderInlineStart: `4px solid ${h.severity === 'major' ? '#f5222d' : '#fa8c16'}` }}>
      <Flex gap={12} align="flex-start">
        {h.photoId ? <FileThumb file={{ id: h.photoId, name: h.text, hasThumbnail: true }} size={72} /> : null}
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={6} wrap align="center">
            <SeverityTag severity={h.severity} />
            <Typography.Text type="secondary">{h.category}</Typography.Text>
            {h.open ? null : <Tag color="success">{t('safety.rectified')}</Tag>}
          </Flex>
          <Typography.Text strong>{h.text}</Typography.Text>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.note}</Typography.Text>
          <Typography.Text type={h.case?.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {t('safety.rectifyBy', { date: formatDateTime(h.rectifyBy) })}
          </Typography.Text>
          {h.case ? (
            <Flex gap={6} wrap align="center">
              <Link to={`/cases/${h.case.id}`}>{h.case.number}</Link>
              <Tag>{t(`caseStatus.${h.case.status}`, { defaultValue: h.case.status })}</Tag>
              {h.case.overdue ? <Tag color="red">{t('safety.overdue')}</Tag> : null}
            </Flex>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}

/** A submitted inspection (or a draft seen by someone who does not run it): hazards with their cases, notice, signatures. */
export function InspectionResult({ inspection: i }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const majors = i.hazards.filter((h) => h.severity === 'major').length;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <Flex vertical gap={2}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <Link to={`/projects/${i.project.id}`}>{i.project.name}</Link>
          </Typography.Title>
          <Tag color={i.status === 'submitted' ? 'blue' : 'default'}>{t(`safety.status.${i.status}`)}</Tag>
        </Flex>
        <Typography.Text type="secondary">{i.template.name} · {formatDateTime(i.inspectedAt)}</Typography.Text>
      </Flex>
      {i.stopWorkOrdered ? <StopWorkBanner majors={majors} noticeNumber={i.noticeNumber} /> : null}
      <Card size="small">
        <Descriptions size="small" column={isMobile ? 1 : 3} items={[
          { key: 'inspector', label: t('safety.inspector'), children: i.inspector.displayName },
          { key: 'location', label: t('safety.location'), children: i.location ?? '—' },
          { key: 'submittedAt', label: t('safety.submittedAt'), children: formatDateTime(i.submittedAt) },
          { key: 'counts', label: t('safety.counts'), children: t('safety.countsText', { pass: i.counts.pass, fail: i.counts.fail, na: i.counts.na, total: i.counts.total }) },
          { key: 'contractor', label: t('safety.contractor'), children: i.contractorUnit?.name ?? '—' },
          { key: 'notice', label: t('safety.noticeNumber'), children: i.noticeNumber ?? t('safety.noNotice') },
          ...(i.summary ? [{ key: 'summary', label: t('safety.summary'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.summary}</span> }] : []),
        ]} />
      </Card>
      {i.allowedActions.includes('notice') ? (
        <Card size="small" title={t('safety.notice')}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('safety.noticeHint', { number: i.noticeNumber ?? '—' })}</Typography.Text>
            <NoticeButtons inspectionId={i.id} />
          </Flex>
        </Card>
      ) : null}
      <Card size="small" title={t('safety.hazards', { count: i.hazards.length })}>
        {i.hazards.length ? (
          <Flex vertical gap={8}>{i.hazards.map((h) => <HazardCard key={h.itemId} h={h} />)}</Flex>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={i.status === 'submitted' ? t('safety.noHazards') : t('safety.draftNotSubmitted')} />
        )}
      </Card>
      <Collapse items={[{
        key: 'items', label: t('safety.allItems', { count: i.items.length }),
        children: (
          <Flex vertical gap={6}>
            {i.items.map((it) => (
              <Flex key={it.id} gap={8} align="flex-start">
                <ResultTag result={it.result} />
                <Typography.Text style={{ flex: 1 }}>{it.position}. {it.text}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        ),
      }]} />
      {i.inspectorSignatureId || i.contractorSignatureId ? (
        <Card size="small" title={t('safety.signatures')}>
          <Flex gap={16} wrap>
            {i.inspectorSignatureId ? (
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{t('safety.inspectorIs', { name: i.inspector.displayName })}</Typography.Text>
                <img src={fileUrl(i.inspectorSignatureId)} alt={t('safety.signatureOf', { who: i.inspector.displayName })} style={{ width: 220, border: '1px solid #f0f0f0', borderRadius: 6 }} />
              </Flex>
            ) : null}
            {i.contractorSignatureId ? (
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{t('safety.contractorRepIs', { name: i.contractorSignerName ?? '—' })}</Typography.Text>
                <img src={fileUrl(i.contractorSignatureId)} alt={t('safety.signatureOf', { who: i.contractorSignerName ?? '' })} style={{ width: 220, border: '1px solid #f0f0f0', borderRadius: 6 }} />
              </Flex>
            ) : null}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
