// The kits that ship with the product. The 30/7 kit follows the tasks of the 2024 plan
// (/work/shared/domain/plan-2024.*): the Police lead the 30/7 activities and launch the
// peak; the Department of Science and Technology (which took over Information and
// Communications in 2025) has the operators send the SMS run; the Department of Education
// runs the talks in schools, here each chosen agency in its own sector; the commune-level
// authorities bring the messages to every resident (loudspeakers, banners, talks in the
// villages); the media run the news; the results are reviewed ten days after the day.
// Named leads are agency codes here, resolved to ids when seeded.

type SeedLead = { agencyCode: string } | 'each_agency' | 'each_unit_committee';

export type SeedKitItem = {
  offsetDays: number;
  durationDays: number;
  title: string;
  typeCode: string;
  channelCodes: string[];
  targetGroupCodes: string[];
  lead: SeedLead;
  expected: Record<string, number>;
};

export type SeedKit = {
  code: string;
  name: string;
  anchor: { month: number; day: number } | { observanceCode: string };
  items: SeedKitItem[];
};

export const seedKits: SeedKit[] = [
  {
    code: 'peak_30_7',
    name: 'Cao điểm tuyên truyền Ngày toàn dân phòng, chống mua bán người 30/7',
    anchor: { observanceCode: 'anti_trafficking_day' },
    items: [
      {
        offsetDays: -30,
        durationDays: 1,
        title: 'Lễ phát động đợt cao điểm tuyên truyền phòng, chống mua bán người',
        typeCode: 'rally',
        channelCodes: ['direct', 'outdoor_visual'],
        targetGroupCodes: ['officials', 'general_public'],
        lead: { agencyCode: 'CA_HUE' },
        expected: { sessions: 1, attendances: 300 },
      },
      {
        offsetDays: -25,
        durationDays: 7,
        title: 'Tin nhắn cảnh báo thủ đoạn mua bán người, "việc nhẹ lương cao"',
        typeCode: 'sms_campaign',
        channelCodes: ['sms'],
        targetGroupCodes: ['general_public'],
        lead: { agencyCode: 'SKHCN' },
        expected: { sms_sent: 500000 },
      },
      {
        offsetDays: -21,
        durationDays: 31,
        title: 'Băng rôn, khẩu hiệu hưởng ứng Ngày 30/7',
        typeCode: 'visual_display',
        channelCodes: ['outdoor_visual'],
        targetGroupCodes: ['general_public'],
        lead: 'each_unit_committee',
        expected: { banners: 5 },
      },
      {
        offsetDays: -14,
        durationDays: 14,
        title: 'Nói chuyện chuyên đề phòng, chống mua bán người cho học sinh',
        typeCode: 'thematic_talk',
        channelCodes: ['direct', 'school'],
        targetGroupCodes: ['students_secondary', 'youth'],
        lead: 'each_agency',
        expected: { sessions: 2, attendances: 300 },
      },
      {
        offsetDays: -14,
        durationDays: 14,
        title: 'Phát thanh trên loa truyền thanh cơ sở về phòng, chống mua bán người',
        typeCode: 'loudspeaker_broadcast',
        channelCodes: ['loudspeaker'],
        targetGroupCodes: ['general_public'],
        lead: 'each_unit_committee',
        expected: { loudspeaker_broadcasts: 10, loudspeaker_minutes: 150 },
      },
      {
        offsetDays: -10,
        durationDays: 1,
        title: 'Tuyên truyền tại thôn, tổ dân phố về thủ đoạn mua bán người',
        typeCode: 'community_outreach',
        channelCodes: ['direct', 'print_materials'],
        targetGroupCodes: ['general_public', 'women', 'informal_migrant_workers'],
        lead: 'each_unit_committee',
        expected: { sessions: 1, attendances: 150, leaflets: 200 },
      },
      {
        offsetDays: -7,
        durationDays: 10,
        title: 'Tin, bài, phóng sự về Ngày toàn dân phòng, chống mua bán người',
        typeCode: 'news_article',
        channelCodes: ['newspaper', 'web_portal', 'social_media'],
        targetGroupCodes: ['general_public'],
        lead: { agencyCode: 'BPTTH' },
        expected: { news_items: 10 },
      },
      {
        offsetDays: 0,
        durationDays: 1,
        title: 'Lễ mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người',
        typeCode: 'rally',
        channelCodes: ['direct', 'outdoor_visual'],
        targetGroupCodes: ['general_public', 'officials', 'youth'],
        lead: { agencyCode: 'CA_HUE' },
        expected: { sessions: 1, attendances: 500, banners: 10 },
      },
      {
        offsetDays: 10,
        durationDays: 1,
        title: 'Hội nghị sơ kết, báo cáo kết quả đợt cao điểm 30/7',
        typeCode: 'conference',
        channelCodes: ['direct'],
        targetGroupCodes: ['officials'],
        lead: { agencyCode: 'CA_HUE' },
        expected: { sessions: 1, attendances: 80 },
      },
    ],
  },
];
