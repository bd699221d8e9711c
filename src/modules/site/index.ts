import { defineModule } from '../../shared/module';
import { siteRelations } from './relations';
import { registerSite } from './types';

/** The portal itself: masthead, footer links, operators, licences and report contacts. */
export const site = defineModule({ name: 'site', relations: siteRelations, schema: registerSite });

export { SITE_MAX_AGE } from './cache';
export { SITE_ID } from './types';
