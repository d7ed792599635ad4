import { useState } from 'react';
import { Button, Flex } from 'antd';
import { ExportOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { downloadPoster, publicProjectUrl } from '../api';

/**
 * The project as residents reach it: the A4 QR poster for the site hoarding and the project's page on the public
 * portal. An archived project is off the portal, so neither is offered.
 */
export function ProjectPublicLinks({ project: p }: { project: { id: string; name: string; archivedAt?: string | null } }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  if (p.archivedAt) return null;
  const poster = () => {
    setBusy(true);
    downloadPoster(p.id, t('appeals.posterFile', { name: p.name }))
      .catch((e: unknown) => void feedback.error(e))
      .finally(() => setBusy(false));
  };
  return (
    <Flex gap={16} wrap align="center">
      <Button size="small" type="link" icon={<QrcodeOutlined />} loading={busy} onClick={poster} style={{ paddingInline: 0 }}>
        {t('appeals.poster')}
      </Button>
      <a href={publicProjectUrl(p.id)} target="_blank" rel="noopener">
        <ExportOutlined /> {t('appeals.publicPage')}
      </a>
    </Flex>
  );
}

export default ProjectPublicLinks;
