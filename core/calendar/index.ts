export * from './nyseCalendar.js';
export * from './timezone.js';
