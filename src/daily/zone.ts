/**
 * Time zones as users type them: checked against the engine's IANA database
 * (Intl), canonicalised (`europe/london` → `Europe/London`), and, when unknown,
 * answered with the closest real zone ("did you mean Europe/London?").
 */
import { z } from 'zod';
import { didYouMean } from '../commands/parse.js';

/** Whether a zone was found, and its canonical name; or why not, with a suggestion. */
export type ZoneCheck = { ok: true; zone: string } | { ok: false; message: string };

let zones: readonly string[] | undefined;

/** Every zone the engine knows, plus UTC (which `supportedValuesOf` leaves out). */
function knownZones(): readonly string[] {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zones;
}

function canonical(tz: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** A zone named by its city alone (`london`, `new york`), when exactly one zone has that city. */
function byCity(typed: string): string | undefined {
  const city = typed.toLowerCase().replace(/[\s-]+/g, '_');
  const found = knownZones().filter((z) => z.toLowerCase().split('/').pop() === city);
  return found.length === 1 ? found[0] : undefined;
}

/** The closest known zone to a typo: by whole name, then by city. */
function suggestion(typed: string): string | undefined {
  const all = knownZones();
  const lower = all.map((z) => z.toLowerCase());
  const whole = didYouMean(typed, lower);
  if (whole) return all[lower.indexOf(whole)];
  const cities = all.map((z) => z.toLowerCase().split('/').pop() ?? z);
  const city = didYouMean(
    typed
      .split('/')
      .pop()
      ?.replace(/[\s-]+/g, '_') ?? typed,
    cities,
  );
  return city ? all[cities.indexOf(city)] : undefined;
}

/** Checks a typed zone (`Europe/London`, `utc`, `London`); an unknown one comes back with "did you mean". */
export function checkZone(typed: string): ZoneCheck {
  const text = typed.trim();
  if (text === '' || text.length > 64) return { ok: false, message: 'A time zone is an IANA name such as Europe/London or America/New_York.' };
  // The typed spelling when the list has it: Intl canonicalises some to old names (Asia/Kolkata → Asia/Calcutta).
  const listed = knownZones().find((z) => z.toLowerCase() === text.toLowerCase());
  const zone = listed ?? canonical(text) ?? byCity(text);
  if (zone) return { ok: true, zone };
  const guess = suggestion(text);
  const shown = text.slice(0, 64).replace(/[^\w/+-]/g, '');
  return {
    ok: false,
    message: `Unknown time zone "${shown}"${guess ? `: did you mean ${guess}?` : '.'} Use an IANA name such as Europe/London, America/New_York or UTC.`,
  };
}

/** Thrown at start-up for a bad `DAILY_TZ`: a set-up error (its name ends in ConfigError). */
export class DailyZoneConfigError extends Error {
  override name = 'DailyZoneConfigError';
}

const envZone = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return 'UTC';
    const checked = checkZone(value);
    if (checked.ok) return checked.zone;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

/** The default zone of question-of-the-day schedules from `DAILY_TZ` (UTC when unset or blank). */
export function dailyZoneFromEnv(value: string | undefined): string {
  const parsed = envZone.safeParse(value ?? '');
  if (parsed.success) return parsed.data;
  throw new DailyZoneConfigError(`DAILY_TZ: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
}
