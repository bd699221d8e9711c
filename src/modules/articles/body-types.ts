import { ObjectRef } from '@pothos/core';
import type { Builder, Types } from '../../builder';
import type { BodyBlock, ImageAsset } from './body-blocks';

/** An image with its size; other modules show images too. */
export const ImageRef = new ObjectRef<Types, ImageAsset>('Image');

type Block<T extends BodyBlock['type']> = Extract<BodyBlock, { type: T }>;

/** The body's block types; returns the union for the Article type's `body`. */
export function registerBodyTypes(builder: Builder) {
  builder.objectType(ImageRef, {
    description: 'An image with its intrinsic size, so a client can reserve space before it loads.',
    fields: (t) => ({
      url: t.exposeString('url', { description: 'Image URL, site-relative or absolute.' }),
      width: t.exposeInt('width', { description: 'Width in pixels.' }),
      height: t.exposeInt('height', { description: 'Height in pixels.' }),
      alt: t.exposeString('alt', { description: 'Text alternative for screen readers.' }),
      caption: t.exposeString('caption', { nullable: true, description: 'Caption printed under the image.' }),
      credit: t.exposeString('credit', { nullable: true, description: 'Who took or owns the image.' }),
    }),
  });

  const ParagraphBlock = builder.objectRef<Block<'paragraph'>>('ParagraphBlock').implement({
    description: 'A paragraph of body text.',
    isTypeOf: (block) => (block as BodyBlock).type === 'paragraph',
    fields: (t) => ({ text: t.exposeString('text', { description: 'Plain text of the paragraph.' }) }),
  });

  const HeadingBlock = builder.objectRef<Block<'heading'>>('HeadingBlock').implement({
    description: 'A cross-heading inside the body.',
    isTypeOf: (block) => (block as BodyBlock).type === 'heading',
    fields: (t) => ({
      level: t.exposeInt('level', { description: 'HTML heading level: 2 or 3.' }),
      text: t.exposeString('text', { description: 'Plain text of the heading.' }),
    }),
  });

  const ImageBlock = builder.objectRef<Block<'image'>>('ImageBlock').implement({
    description: 'An image inside the body, with caption and size.',
    isTypeOf: (block) => (block as BodyBlock).type === 'image',
    fields: (t) => ({ image: t.expose('image', { type: ImageRef, description: 'The image.' }) }),
  });

  const EmbedMedia = builder.enumType('EmbedMedia', {
    description: 'Kind of an embedded player.',
    values: {
      VIDEO: { value: 'video', description: 'A video player.' },
      AUDIO: { value: 'audio', description: 'An audio player.' },
    } as const,
  });

  const EmbedBlock = builder.objectRef<Block<'embed'>>('EmbedBlock').implement({
    description: 'A video or audio player inside the body.',
    isTypeOf: (block) => (block as BodyBlock).type === 'embed',
    fields: (t) => ({
      media: t.expose('media', { type: EmbedMedia, description: 'Video or audio.' }),
      url: t.exposeString('url', { description: 'URL of the stream or file.' }),
      title: t.exposeString('title', { description: 'Title shown with the player.' }),
      durationSeconds: t.exposeInt('durationSeconds', {
        nullable: true,
        description: 'Length in seconds, when known.',
      }),
      poster: t.expose('poster', { type: ImageRef, nullable: true, description: 'Still shown before a video plays.' }),
    }),
  });

  return builder.unionType('BodyBlock', {
    description: 'One block of an article body, in reading order.',
    types: [ParagraphBlock, HeadingBlock, ImageBlock, EmbedBlock],
  });
}
