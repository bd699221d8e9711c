import { ObjectRef } from '@pothos/core';
import type { Types } from '../../builder';
import type { BreadcrumbItem } from './breadcrumb';

/** A breadcrumb step; other modules (articles) show breadcrumbs too. */
export const BreadcrumbItemRef = new ObjectRef<Types, BreadcrumbItem>('BreadcrumbItem');
