import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages, type Language } from '../i18n';

/** 中文 / English; the choice is remembered in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : currentLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lng],
        items: languages.map((l) => ({ key: l, label: t(`language.${l}`), lang: l })),
        onClick: ({ key }) => void changeLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.switch')} title={t('language.switch')}>
        {compact ? null : t(`language.${lng}`)}
      </Button>
    </Dropdown>
  );
}
