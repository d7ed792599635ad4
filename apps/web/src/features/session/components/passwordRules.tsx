import { Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 10;

/** How many of lowercase, uppercase, digit, symbol a password uses. */
export function characterClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** The rules the server enforces that the browser can check too (the common-password list stays on the server). */
export function passwordRules(t: TFunction, username?: string): Rule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: async (_, value: string | undefined) => {
        if (!value) return;
        if (value.length < MIN_PASSWORD_LENGTH) throw new Error(t('password.tooShort', { n: MIN_PASSWORD_LENGTH }));
        if (characterClasses(value) < 3) throw new Error(t('password.classes'));
        if (username && value.toLowerCase() === username.toLowerCase()) throw new Error(t('password.notUsername'));
      },
    },
  ];
}

export function PasswordRulesHelp() {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        <li>{t('password.ruleLength', { n: MIN_PASSWORD_LENGTH })}</li>
        <li>{t('password.ruleClasses')}</li>
        <li>{t('password.ruleUsername')}</li>
        <li>{t('password.ruleCommon')}</li>
      </ul>
    </Typography.Text>
  );
}
