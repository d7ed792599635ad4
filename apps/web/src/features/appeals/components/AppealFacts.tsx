import type { ReactNode } from 'react';
import { Descriptions, Flex, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { FileThumb } from '../../../shared/ui/FileThumb';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import type { StaffAppeal } from '../api';
import { attributeLines, placeOf, safeMediaUrl } from '../bodies';

const categoryColors: Record<StaffAppeal['category'], string> = {
  noise: 'magenta', dust: 'gold', traffic: 'blue', safety: 'red', damage: 'volcano', hours: 'purple', other: 'default',
};

export function AppealCategoryTag({ category }: { category: StaffAppeal['category'] }) {
  const { t } = useTranslation();
  return <Tag color={categoryColors[category]}>{t(`appeals.category.${category}`)}</Tag>;
}

const stateColors: Record<StaffAppeal['state'], string> = { triage: 'warning', case: 'processing', dismissed: 'default' };

export function AppealStateTag({ state }: { state: StaffAppeal['state'] }) {
  const { t } = useTranslation();
  return <Tag color={stateColors[state]}>{t(`appeals.state.${state}`)}</Tag>;
}

/** The masked contact as every staff member sees it; `phone` replaces the masked number (the revealed one). */
export function AppealContact({ a, phone }: { a: StaffAppeal; phone?: ReactNode }) {
  const { t } = useTranslation();
  if (a.contact.anonymous) return <Tag>{t('appeals.anonymous')}</Tag>;
  if (!a.contact.name && !a.contact.phone) return <Typography.Text type="secondary">{t('appeals.noContact')}</Typography.Text>;
  return (
    <Flex gap={8} wrap align="center">
      {a.contact.name ? <span>{a.contact.name}</span> : null}
      {phone ?? (a.contact.phone ? <Typography.Text>{a.contact.phone}</Typography.Text> : <Typography.Text type="secondary">{t('appeals.noPhone')}</Typography.Text>)}
    </Flex>
  );
}

export function AppealPhotos({ a, size = 80 }: { a: StaffAppeal; size?: number }) {
  const { t } = useTranslation();
  if (!a.photoIds.length) return <Typography.Text type="secondary">{t('appeals.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8}>
        {a.photoIds.map((id, i) => (
          <FileThumb key={id} file={{ id, name: t('appeals.photoN', { n: i + 1 }), hasThumbnail: true }} size={size} />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

export function AppealPlace({ a }: { a: StaffAppeal }) {
  const { t } = useTranslation();
  const { address, point } = placeOf(a);
  if (!address && !point) return <>—</>;
  return (
    <Flex vertical>
      {address ? <span>{address}</span> : null}
      {point ? (
        <Typography.Text type="secondary" copyable={{ text: point, tooltips: [t('common.copy'), t('common.copied')] }}>
          {t('appeals.mapPoint', { point })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** What the resident told us: category, channel, when, where, who (masked), the photos and Open311 extras. */
export function AppealFacts({ a, contact, inList = false }: { a: StaffAppeal; contact?: ReactNode; inList?: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const media = safeMediaUrl(a.mediaUrl);
  const attributes = attributeLines(a.attributes);
  return (
    <Descriptions
      size="small"
      column={isMobile ? 1 : 2}
      items={[
        // In the queue the card's title carries the category and the time already.
        ...(inList ? [] : [{ key: 'category', label: t('appeals.categoryLabel'), children: <AppealCategoryTag category={a.category} /> }]),
        { key: 'channel', label: t('appeals.channelLabel'), children: a.source === 'public_portal' ? t(`appeals.channel.${a.channel}`) : `${t(`appeals.channel.${a.channel}`)} · ${t(`caseSource.${a.source}`)}` },
        ...(inList ? [] : [{ key: 'createdAt', label: t('appeals.submittedAt'), children: formatDateTime(a.createdAt) }]),
        { key: 'contact', label: t('appeals.contact'), children: contact ?? <AppealContact a={a} /> },
        { key: 'place', label: t('appeals.place'), span: isMobile ? 1 : 2, children: <AppealPlace a={a} /> },
        { key: 'description', label: t('appeals.description'), span: isMobile ? 1 : 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.description}</Typography.Paragraph> },
        { key: 'photos', label: t('appeals.photos'), span: isMobile ? 1 : 2, children: <AppealPhotos a={a} /> },
        ...(media
          ? [{ key: 'media', label: t('appeals.mediaUrl'), span: isMobile ? 1 : 2, children: <a href={media} target="_blank" rel="noopener noreferrer nofollow" style={{ wordBreak: 'break-all' }}>{media}</a> }]
          : []),
        ...(attributes.length
          ? [{ key: 'attributes', label: t('appeals.attributes'), span: isMobile ? 1 : 2, children: <Flex vertical>{attributes.map((l) => <span key={l.code}><Typography.Text type="secondary">{l.code}</Typography.Text> {l.value}</span>)}</Flex> }]
          : []),
        ...(a.publicReply ? [{ key: 'reply', label: t('appeals.publicReply'), span: isMobile ? 1 : 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.publicReply}</Typography.Paragraph> }] : []),
      ]}
    />
  );
}
