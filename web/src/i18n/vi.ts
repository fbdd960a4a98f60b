// Vietnamese, the interface's first language. Its keys define every message the web shows:
// en.ts must give each of them, so a missing translation fails the type check.
export const vi = {
  'app.title': 'Lịch truyền thông phòng, chống mua bán người',
  // The official title stays Vietnamese in every language; other languages add a translation under it.
  'app.titleTranslation': '',
  'language.label': 'Ngôn ngữ',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',

  'calendar.label': 'Lịch hoạt động',
  'calendar.loading': 'Đang tải hoạt động…',
  'calendar.loadFailed': 'Không tải được danh sách hoạt động.',
  'calendar.retry': 'Thử lại',
  'calendar.monthTitle': 'Tháng {month}/{year}',
  'calendar.timeZone': 'Giờ hiển thị theo múi giờ {timeZone}',
  'calendar.legend': 'Chú giải trạng thái',
  'calendar.overdue': 'Quá hạn',
  'calendar.overdueHint': 'Đã qua thời gian thực hiện nhưng chưa báo cáo kết quả',
  'calendar.allDay': 'cả ngày',

  'status.planned': 'Dự kiến',
  'status.confirmed': 'Đã xác nhận',
  'status.done': 'Đã thực hiện',
  'status.postponed': 'Tạm hoãn',
  'status.cancelled': 'Đã hủy',

  'error.network': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
  'error.invalidResponse': 'Máy chủ trả về dữ liệu không đúng định dạng. Vui lòng báo cho quản trị viên.',
  'error.server': 'Máy chủ gặp sự cố. Vui lòng thử lại sau ít phút.',
  'error.requestId': 'Mã yêu cầu: {requestId}',
} as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
