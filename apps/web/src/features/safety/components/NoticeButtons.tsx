import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/errors';
import { downloadNotice } from '../api';

/** The rectification notice (整改通知书) as PDF or Word. */
export function NoticeButtons({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'pdf' | 'docx' | null>(null);
  const get = (format: 'pdf' | 'docx') => {
    setBusy(format);
    downloadNotice(inspectionId, format).catch((e: unknown) => message.error(errorMessage(e, t))).finally(() => setBusy(null));
  };
  return (
    <Flex gap={8} wrap>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => get('pdf')}>{t('safety.noticePdf')}</Button>
      <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => get('docx')}>{t('safety.noticeDocx')}</Button>
    </Flex>
  );
}
