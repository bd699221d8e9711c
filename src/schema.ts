import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import { applyCacheHints } from './cache/hints';
import './shared/scalars';
import './modules/site/types';
import './modules/channels/types';
import './modules/articles/body-types';
import './modules/articles/types';
import './modules/articles/queries';
import './modules/articles/feed';
import './modules/articles/mutations';
import './modules/recommendations/types';

builder.queryType({ description: 'Public reads of the news portal. Everything here is safe to cache.' });

export const schema = applyCacheHints(lexicographicSortSchema(builder.toSchema()));
