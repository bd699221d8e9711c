import { mergeRelations } from '../shared/module';
import { articles } from './articles';
import { channels } from './channels';
import { comments } from './comments';
import { epaper } from './epaper';
import { media } from './media';
import { partners } from './partners';
import { recommendations } from './recommendations';
import { search } from './search';
import { site } from './site';

/**
 * Every domain of the gateway, each behind its entry. Adding a domain is a folder under
 * src/modules/ and one line here; order matters only in that a module comes after those it uses.
 */
export const modules = [site, channels, articles, recommendations, search, media, epaper, partners, comments] as const;

/** The Drizzle relations of every module, merged: what the database client and the builder use. */
export const relations = mergeRelations(modules);
export type Relations = typeof relations;
