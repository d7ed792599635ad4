import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FileThumb } from '../../../shared/ui/FileThumb';
import type { CaseDetail } from '../api';

/** Files attached at creation, with answers and with comments (add one through a comment). */
export function CaseAttachments({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('files.attachments')}>
      {c.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.allowedActions.includes('comment') ? t('cases.noAttachmentsHint') : t('files.none')} />
      ) : (
        <Flex wrap gap={12}>
          {c.attachments.map((f) => (
            <Flex key={f.id} vertical align="center" gap={2} style={{ width: 96 }}>
              <FileThumb file={f} size={80} />
              <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: 96 }} title={f.name}>{f.name}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
