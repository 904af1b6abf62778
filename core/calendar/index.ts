export * from './newYorkDayOf.js';
export * from './nyseCalendar.js';
export * from './timezone.js';
