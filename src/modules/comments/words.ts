import { eq } from 'drizzle-orm';
import type { Builder } from '../../builder';
import { enumFromPg } from '../../shared/enums';
import { userError } from '../../shared/errors';
import { commentWords, wordAction } from './tables';
import { lengthOf, normaliseForMatch } from './text';

const MAX_WORD_LENGTH = 50;

function wordOf(input: string): string {
  const word = normaliseForMatch(input);
  if (lengthOf(word) < 1 || lengthOf(word) > MAX_WORD_LENGTH) {
    throw userError(
      `\`word\` must have 1 to ${MAX_WORD_LENGTH} letters or digits (spaces and punctuation are ignored in matching).`,
    );
  }
  return word;
}

/** Editors: the sensitive-word list (敏感词). */
export function registerWordList(builder: Builder) {
  const WordAction = enumFromPg(builder, 'CommentWordAction', wordAction, {
    description: 'What a sensitive word does to a comment that contains it.',
    values: {
      hold: 'Hold it for review, with the word as the reason (it stays pending like every comment).',
      reject: 'Refuse the post (COMMENT_REJECTED, reason SENSITIVE_WORD); nothing is stored.',
    },
  });

  const Word = builder.drizzleObject('commentWords', {
    name: 'CommentWord',
    description: 'A sensitive word of the comment filter.',
    fields: (t) => ({
      word: t.exposeString('word', {
        description: 'The word as matched: compatibility forms folded, lower case, no spaces or punctuation.',
      }),
      action: t.expose('action', { type: WordAction, description: 'Hold or refuse.' }),
      addedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was added.' }),
    }),
  });

  builder.queryField('commentWords', (t) =>
    t.drizzleField({
      type: [Word],
      authScopes: { editor: true },
      description: 'Editors: the sensitive-word list, alphabetically.',
      resolve: (query, _root, _args, ctx) => ctx.db.query.commentWords.findMany(query({ orderBy: { word: 'asc' } })),
    }),
  );

  builder.mutationFields((t) => ({
    setCommentWord: t.drizzleField({
      type: Word,
      authScopes: { editor: true },
      description:
        'Adds a sensitive word, or changes what an existing one does. Applies to posts from now on; comments already stored are not re-checked.',
      args: {
        word: t.arg.string({ required: true, description: 'The word or phrase, e.g. 代开发票.' }),
        action: t.arg({ type: WordAction, required: true, description: 'Hold matching comments, or refuse them.' }),
      },
      resolve: async (query, _root, args, ctx) => {
        const word = wordOf(args.word);
        const db = ctx.writer();
        await db
          .insert(commentWords)
          .values({ word, action: args.action })
          .onConflictDoUpdate({ target: commentWords.word, set: { action: args.action } });
        const row = await db.query.commentWords.findFirst(query({ where: { word } }));
        if (!row) throw new Error('a word just written is missing');
        return row;
      },
    }),
    removeCommentWord: t.boolean({
      authScopes: { editor: true },
      description: 'Removes a sensitive word; true when it was on the list.',
      args: { word: t.arg.string({ required: true, description: 'The word, as added or as listed.' }) },
      resolve: async (_root, args, ctx) => {
        const removed = await ctx
          .writer()
          .delete(commentWords)
          .where(eq(commentWords.word, wordOf(args.word)))
          .returning({ id: commentWords.id });
        return removed.length > 0;
      },
    }),
  }));
}
