import type { Builder } from '../../builder';
import { parseDateInput } from './date';
import { formatBeijingTime, parseDateTimeInput } from './date-time';

export function registerScalars(builder: Builder): void {
  builder.scalarType('DateTime', {
    description:
      'A moment in time as ISO 8601 in Beijing time, e.g. `2024-03-15T19:05:37+08:00`. As input, any offset is accepted, and a bare date (`2024-03-15`) means midnight in Beijing.',
    serialize: (value) => formatBeijingTime(value),
    parseValue: (value) => parseDateTimeInput(value),
  });
  builder.scalarType('Date', {
    description:
      'A calendar date in Beijing, `YYYY-MM-DD`, e.g. `2024-03-15`. As input, a date-time with an offset is also accepted and means the day it falls on in Beijing.',
    serialize: (value) => value,
    parseValue: (value) => parseDateInput(value),
  });
}
