import { defineModule } from '../../shared/module';
import { registerModeration } from './moderation';
import { registerPostComment } from './post-comment';
import { commentRelations } from './relations';
import { registerCommentTypes } from './types';
import { registerWordList } from './words';

/**
 * 网友评论: readers' comments on articles, reviewed before anyone sees them (先审后发): posting
 * with its spam defences, the public threads, the editors' queue and sensitive-word list.
 */
export const comments = defineModule({
  name: 'comments',
  relations: commentRelations,
  schema(builder) {
    const types = registerCommentTypes(builder);
    registerPostComment(builder, types);
    registerModeration(builder, types);
    registerWordList(builder);
  },
});

export { commentCacheTags } from './cache';
