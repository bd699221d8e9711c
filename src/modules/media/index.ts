import { defineModule } from '../../shared/module';
import { registerMediaMutations } from './mutations';
import { registerMediaQueries } from './queries';
import { mediaRelations } from './relations';
import { mediaRoutes } from './routes';
import { registerMediaTypes } from './types';

/** 看电视 / 听广播: live TV and radio streams, their programme guide, now/next, catch-up and playlists. */
export const media = defineModule({
  name: 'media',
  relations: mediaRelations,
  schema(builder) {
    const types = registerMediaTypes(builder);
    registerMediaQueries(builder, types);
    registerMediaMutations(builder, types);
  },
  routes: mediaRoutes,
});

export { mediaCacheTags } from './cache';
