import { defineModule } from '../../shared/module';
import { registerEditionMutations } from './mutations';
import { registerNewspapers } from './newspapers';
import { registerPrintArticleLinks } from './print-articles';
import { epaperRelations } from './relations';
import { registerEditionTypes } from './types';

/**
 * 数字报: the print newspapers as printed — issues by date, pages with their images and PDFs,
 * the stories on them with their hotspots — linked both ways with the web articles.
 */
export const epaper = defineModule({
  name: 'epaper',
  relations: epaperRelations,
  schema(builder) {
    const refs = registerEditionTypes(builder);
    registerNewspapers(builder, refs);
    registerPrintArticleLinks(builder, refs);
    registerEditionMutations(builder);
  },
});
