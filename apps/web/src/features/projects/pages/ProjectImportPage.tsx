import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Result, Steps, Table, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/errors';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { downloadImportTemplate, importProjects, type ImportResult } from '../api';

type ImportError = ImportResult['errors'][number];

/** Excel in: template, a dry run that lists every error by row and column, then all-or-nothing. */
export default function ProjectImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await importProjects(file, dryRun);
      if (dryRun || !r.ok) setCheck(r);
      else {
        setDone(r);
        void qc.invalidateQueries({ queryKey: ['projects'] });
      }
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const pick = (f: File | undefined) => {
    setFile(f ?? null);
    setCheck(null);
    setDone(null);
    if (input.current) input.current.value = '';
  };

  const step = done ? 3 : check?.ok ? 2 : file ? 1 : 0;
  if (done) {
    return (
      <Result status="success" title={t('import.doneTitle', { count: done.created })}
        extra={<Link to="/projects"><Button type="primary">{t('import.toList')}</Button></Link>} />
    );
  }
  return (
    <>
      <PageHeader title={t('import.title')} sub={t('import.sub')} extra={<Button icon={<DownloadOutlined />} onClick={() => void downloadImportTemplate().catch((e: unknown) => message.error(errorMessage(e, t)))}>{t('import.template')}</Button>} />
      <Steps size="small" current={step} status={check && !check.ok ? 'error' : undefined} direction={isMobile ? 'vertical' : 'horizontal'} style={{ marginBottom: 16 }}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]} />
      <Card size="small">
        <Flex vertical gap={12}>
          <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t('import.pick')} style={{ display: 'none' }} onChange={(e) => pick(e.target.files?.[0])} />
          <Flex wrap gap={8} align="center">
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>{file ? t('import.repick') : t('import.pick')}</Button>
            {file ? <Typography.Text><FileExcelOutlined /> {file.name}</Typography.Text> : <Typography.Text type="secondary">{t('import.pickHint')}</Typography.Text>}
          </Flex>
          {file && !check ? <Button type="primary" loading={busy} onClick={() => void run(true)} style={{ alignSelf: 'flex-start' }}>{t('import.check')}</Button> : null}
          {check && check.ok ? (
            <>
              <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('import.checkOk', { count: check.rows })} />
              <Button type="primary" loading={busy} onClick={() => void run(false)} style={{ alignSelf: 'flex-start' }}>{t('import.run', { count: check.rows })}</Button>
            </>
          ) : null}
          {check && !check.ok ? (
            <>
              <Alert type="error" showIcon title={t('import.checkFailed', { count: check.errors.length, rows: check.rows })} description={t('import.fixHint')} />
              <Table<ImportError>
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                size="small"
                dataSource={check.errors}
                pagination={check.errors.length > 50 ? { pageSize: 50 } : false}
                columns={[
                  { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70, sorter: (a, b) => a.row - b.row },
                  { key: 'column', title: t('import.column'), dataIndex: 'column', width: 140 },
                  { key: 'message', title: t('import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
