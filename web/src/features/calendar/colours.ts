import type { EventColours } from './events';

/**
 * Colours for campaigns without their own and for activity types: dark enough for white
 * text (contrast >= 4.5:1), and far enough apart to tell neighbours on the calendar apart.
 */
const palette = [
  '#1d4ed8',
  '#b45309',
  '#047857',
  '#7c3aed',
  '#be123c',
  '#0e7490',
  '#4d7c0f',
  '#a21caf',
  '#9a3412',
  '#334155',
] as const;

/** Activities outside any campaign. */
export const noneColours: EventColours = { color: '#e4e7eb', contrast: '#52606d' };

export function paletteColours(index: number): EventColours {
  const color = palette[((index % palette.length) + palette.length) % palette.length] ?? palette[0];
  return { color, contrast: '#ffffff' };
}

/** A colour chosen by a person (`#RRGGBB`), with black or white text, whichever reads better on it. */
export function chosenColours(hex: string): EventColours {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // White wins while its contrast (1.05 / (L + 0.05)) beats black's ((L + 0.05) / 0.05).
  return { color: hex, contrast: luminance > 0.179 ? '#1f2933' : '#ffffff' };
}
