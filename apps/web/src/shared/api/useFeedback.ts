import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from './client';
import { applyFieldErrors, errorMessage, type CodeMessages } from './errors';

export type FeedbackOutcome = 'stale' | 'field' | 'message';

/** One way to tell the user how a mutation went. */
export function useFeedback() {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();
  return {
    success(key: string, values?: Record<string, unknown>) {
      void message.success(t(key, values));
    },
    /**
     * STALE_VERSION → "someone else changed it" and `onStale` (reload);
     * field errors → on the form; anything else → a message in the user's language.
     */
    error(
      err: unknown,
      opts: {
        form?: FormInstance;
        fallbackField?: Partial<Record<string, string>>;
        messages?: CodeMessages;
        onStale?: () => void;
      } = {},
    ): FeedbackOutcome {
      if (isApiError(err) && err.code === 'STALE_VERSION') {
        modal.warning({ title: t('errors.STALE_VERSION'), content: t('common.staleHint') });
        opts.onStale?.();
        return 'stale';
      }
      if (opts.form && applyFieldErrors(opts.form, err, t, opts.fallbackField, opts.messages)) return 'field';
      void message.error(errorMessage(err, t));
      return 'message';
    },
  };
}
