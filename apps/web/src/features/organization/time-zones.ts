// Browsers (and Node) list some zones under names IANA has since replaced; people search for the
// current ones ("Kolkata", not "Calcutta"). The stored value stays the name the server accepts.
const CURRENT_NAMES: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** Every IANA time zone this browser knows, with its current UTC offset, for the picker. */
export type TimeZoneOption = { id: string; offset: string; search: string };

let cached: TimeZoneOption[] | undefined;

export function timeZoneOptions(): TimeZoneOption[] {
  if (cached) return cached;
  // Some browsers leave UTC out of the list; the organization may well use it.
  const ids = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  const now = new Date();
  cached = ids.map((id) => {
    // "UTC — UTC" would say nothing twice.
    const offset = id === 'UTC' ? '' : offsetOf(id, now);
    const names = `${id} ${CURRENT_NAMES[id] ?? ''}`;
    return { id, offset, search: `${names} ${names.replace(/_/g, ' ')} ${offset}`.toLowerCase() };
  });
  return cached;
}

/** "UTC+02:00" for a zone right now ("UTC" for zero). */
function offsetOf(timeZone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((piece) => piece.type === 'timeZoneName');
    const offset = part?.value.replace('GMT', 'UTC') ?? '';
    return offset === 'UTC' || offset === 'UTC+00:00' ? 'UTC' : offset;
  } catch {
    return '';
  }
}

/** A zone's readable, current name: "America/New_York" → "America / New York". */
export function zoneLabel(id: string): string {
  return (CURRENT_NAMES[id] ?? id).replace(/_/g, ' ').replace(/\//g, ' / ');
}
