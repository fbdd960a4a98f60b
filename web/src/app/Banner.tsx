import { type ReactNode, useEffect } from 'react';
import { type Language, languages, useLanguage, useT } from '../i18n/context';

/**
 * The page's banner: the official title and the language switch, and under them whatever
 * the page adds (the signed-in user's navigation bar; nothing on a shared page). On a phone
 * that bar folds behind `menuButton`, so that the page starts in the first third of the screen.
 */
export function Banner({ children, menuButton }: { children?: ReactNode; menuButton?: ReactNode }) {
  const t = useT();
  const title = t('app.title');
  // The browser's tab and history read the title in the interface's language too.
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__titles">
          <h1 className="app-header__title">{t('app.title')}</h1>
          {t('app.titleTranslation') ? (
            <p className="app-header__subtitle">{t('app.titleTranslation')}</p>
          ) : null}
        </div>
        <div className="app-header__tools">
          <LanguageSwitch />
          {menuButton}
        </div>
      </div>
      {children}
    </header>
  );
}

const languageCodes: Record<Language, string> = { vi: 'VI', en: 'EN' };

function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          className="language-switch__button"
          aria-pressed={language === code}
          lang={code}
          title={t(`language.${code}`)}
          onClick={() => setLanguage(code)}
        >
          {languageCodes[code]}
          <span className="visually-hidden"> – {t(`language.${code}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
