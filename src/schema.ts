import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './shared/scalars';
import './modules/site/types';
import './modules/channels/types';
import './modules/articles/body-types';
import './modules/articles/types';
import './modules/articles/queries';
import './modules/articles/feed';

builder.queryType({ description: 'Public reads of the news portal. Everything here is safe to cache.' });

export const schema = lexicographicSortSchema(builder.toSchema());
