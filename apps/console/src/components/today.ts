/** Today's date in Beijing as YYYY-MM-DD, whatever the browser's time zone. */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
