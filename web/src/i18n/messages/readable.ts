// Messages of one feature, kept apart from vi.ts/en.ts. `en` must give every key of `vi`.
//
// This one: a calendar you can read (the phone's menu, the "mine" switch, the chips) and
// the media page's official year.
export const vi = {
  'nav.menu': 'Trình đơn',
  'nav.menuClose': 'Đóng trình đơn',
  'calendar.mine': 'Của tôi',
  'calendar.mineHint': 'Chỉ hoạt động của cơ quan tôi và các đơn vị của tôi (kể cả đơn vị trực thuộc)',
  'media.preset.officialYear': 'Năm báo cáo {year}',
  'media.officialYearHint': 'Năm báo cáo {year}: {start} – {end}; năm dương lịch: 1/1 – 31/12.',
};

export const en: typeof vi = {
  'nav.menu': 'Menu',
  'nav.menuClose': 'Close menu',
  'calendar.mine': 'Mine',
  'calendar.mineHint': 'Only the activities of my agency and my units (with the units under them)',
  'media.preset.officialYear': 'Reporting year {year}',
  'media.officialYearHint': 'Reporting year {year}: {start} – {end}; calendar year: 1/1 – 31/12.',
};
