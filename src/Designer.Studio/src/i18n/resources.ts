import { en } from './en';
import { enCasework } from './en-casework';
import { enDates } from './en-dates';
import { enDesigner } from './en-designer';
import { enGovernance } from './en-governance';
import { enObjections } from './en-objections';
import { enOrganisations } from './en-organisations';
import { enRegistrars } from './en-registrars';
import { enUnits } from './en-units';
import { enUsers } from './en-users';

/**
 * The i18next resources. The Chinese text is the key and its own translation (zh-CN has no entries: a missing key is
 * shown as it is); `en.ts` maps each Chinese text to English. Placeholders are `{name}` in both languages.
 */
export const resources = {
  'zh-CN': { translation: {} as Record<string, string> },
    en: { translation: { ...en, ...enCasework, ...enDates, ...enDesigner, ...enOrganisations, ...enRegistrars, ...enUnits, ...enUsers, ...enObjections, ...enGovernance } },
} as const;
