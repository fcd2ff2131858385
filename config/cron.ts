/** Cron expressions of the campaign schedules: five fields, read in the campaign's time zone. */
import { CronExpressionParser } from 'cron-parser';

/** Returns null when `expression` is a valid five-field cron expression, else what was expected. */
export function checkCronExpression(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `expected a five-field cron expression "minute hour day-of-month month day-of-week", e.g. "0 9 * * 1" (got ${fields.length} fields)`;
  }
  try {
    CronExpressionParser.parse(expression);
    return null;
  } catch (e) {
    return `invalid cron expression: ${e instanceof Error ? e.message : String(e)}`;
  }
}
