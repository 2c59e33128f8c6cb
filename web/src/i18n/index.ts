import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import authEn from '../features/auth/en.json';
import overlapsEn from '../features/overlaps/en.json';
import streamlineEn from '../features/streamline/en.json';
import referencesEn from '../features/references/en.json';
import lineageEn from '../features/lineage/en.json';
import carryOverEn from '../features/carry-over/en.json';

/** Keeps <html lang dir> in step with the language, so Arabic flips the whole layout to RTL. */
function applyDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: { ...en, auth: authEn, overlaps: overlapsEn, streamline: streamlineEn, references: referencesEn, lineage: lineageEn, carryOver: carryOverEn } } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes output already
  returnNull: false,
  showSupportNotice: false,
});

applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

export default i18n;
