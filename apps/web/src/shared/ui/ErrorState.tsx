import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { ForbiddenResult, NotFoundResult } from './results';

/** What a page shows when its query failed. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 404) return <NotFoundResult />;
  if (isApiError(error) && error.status === 403) return <ForbiddenResult />;
  const requestId = isApiError(error) ? error.problem?.requestId : undefined;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={
        <>
          {errorMessage(error, t)}
          {requestId ? <div>{t('common.requestId', { id: requestId })}</div> : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
