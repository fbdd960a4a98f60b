// Every refusal the server can give, by a stable key, written in Vietnamese (the server's
// `message`) and in English. The server sends the key and its parameters beside the
// Vietnamese message; the web writes the refusal in the reader's language from this same
// catalogue, so a message is worded once per language and nowhere else.

type Value = string | number;
export type RefusalParams = Record<string, Value>;
type Words = (params: RefusalParams) => string;
type Entry = { vi: Words; en: Words };

export type Language = 'vi' | 'en';

const numberFormats: Record<Language, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};

/** A parameter as text; numbers in the language's grouping (1.234 / 1,234). */
function show(value: Value | undefined, language: Language): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? numberFormats[language].format(value) : value;
}

/**
 * The English of the Vietnamese words the server puts into parameters: the records and
 * actions a refusal names ("không tìm thấy hoạt động 12", "không thể tạo hoạt động").
 */
const englishOf: Record<string, string> = {
  'hoạt động': 'activity',
  'kết quả': 'result',
  'kết quả của hoạt động': 'result of activity',
  'chiến dịch': 'campaign',
  'bộ hoạt động mẫu': 'kit',
  'lần áp dụng bộ hoạt động mẫu': 'kit application',
  'cơ quan': 'agency',
  'đơn vị hành chính': 'administrative unit',
  'kế hoạch': 'plan',
  'báo cáo': 'report',
  'nhiệm vụ': 'task',
  'người dùng': 'user',
  'khóa kỳ': 'period lock',
  'đánh dấu lịch': 'calendar mark',
  'lượt nhập': 'import',
  'xem trước': 'previewed',
  'đã lưu': 'saved',
  'đã bỏ': 'discarded',
  'đã hoàn tác': 'undone',
  'liên kết chia sẻ': 'shared link',
  'mã truy cập': 'access token',
  'ngày kỷ niệm': 'observance',
  'quan hệ kế thừa': 'succession',
  'tệp đính kèm': 'attachment',
  'loại hoạt động': 'activity type',
  kênh: 'channel',
  'đối tượng': 'target group',
  'chỉ tiêu': 'indicator',
  'báo cáo kết quả hoạt động': 'report the result of an activity',
  'duyệt kết quả hoạt động': 'review the result of an activity',
  'khôi phục hoạt động': 'restore an activity',
  'xóa hoạt động': 'delete an activity',
  'sửa hoặc dời hoạt động': 'change or move an activity',
  'thêm tệp cho hoạt động': 'attach a file to an activity',
  'tạo hoạt động': 'create an activity',
};

/** A Vietnamese word of the table in English, keeping a capital first letter. */
function inEnglish(text: string): string {
  const english = englishOf[text.toLocaleLowerCase('vi')];
  if (english === undefined) return text;
  return text[0] === text[0]?.toLocaleUpperCase('vi')
    ? english[0]?.toUpperCase() + english.slice(1)
    : english;
}

/** An entry whose parameters are filled in as `{name}` placeholders, numbers formatted per language. */
function words(vi: string, en: string): Entry {
  const fill = (template: string, language: Language) => (params: RefusalParams) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return language === 'en' && typeof value === 'string' ? inEnglish(value) : show(value, language);
    });
  return { vi: fill(vi, 'vi'), en: fill(en, 'en') };
}

export const refusals = {
  // ---- requests and sign-in
  'request.unauthenticated': words('Vui lòng đăng nhập', 'Please sign in'),
  'request.forbidden': words('Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this'),
  'request.crossSite': words(
    'Yêu cầu từ trang web khác bị từ chối',
    'A request from another site was refused',
  ),
  'request.bodyTooLarge': words(
    'Dữ liệu gửi lên quá lớn (tối đa 1 MiB)',
    'The data sent is too large (1 MiB at most)',
  ),
  'request.jsonOnly': words(
    'Chỉ nhận dữ liệu JSON (Content-Type: application/json)',
    'Only JSON data is accepted (Content-Type: application/json)',
  ),
  'request.contentLength': words(
    'Content-Length không khớp dữ liệu',
    'Content-Length does not match the data',
  ),
  'request.emptyJson': words('Thiếu nội dung JSON', 'The JSON body is missing'),
  'request.invalidJson': words('Nội dung không phải JSON hợp lệ', 'The body is not valid JSON'),
  'request.forbiddenKey': words(
    'Khóa không được phép (__proto__, constructor.prototype)',
    'A forbidden key (__proto__, constructor.prototype)',
  ),
  'request.unknownField': words('Trường không được phép: {field}', 'Field not allowed: {field}'),
  'request.invalid': words('Dữ liệu không hợp lệ: {paths}', 'Invalid data: {paths}'),
  'request.internal': words(
    'Lỗi hệ thống. Vui lòng báo quản trị viên kèm mã yêu cầu.',
    'System error. Please tell the administrator, quoting the request id.',
  ),
  'request.notFound': words('Không tìm thấy', 'Not found'),
  'request.noRoute': words('Không có đường dẫn {method} {path}', 'There is no {method} {path}'),
  'request.invalidJsonAt': words(
    'Nội dung không phải JSON hợp lệ: {reason}',
    'The body is not valid JSON: {reason}',
  ),
  'request.tooLarge': words('Dữ liệu gửi lên quá lớn', 'The data sent is too large'),
  'auth.wrongPassword': words('Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong user name or password'),
  'auth.throttled': words(
    'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    'Too many failed sign-ins. Please try again in {minutes} minutes.',
  ),
  'record.notFound': words('Không tìm thấy {what} {id}', 'Not found: {what} {id}'),
  'record.stale': words(
    '{what} đã được người khác sửa (phiên bản hiện tại {stored}, bạn gửi {expected}). Hãy tải lại rồi sửa tiếp.',
    '{what} was changed by someone else (current version {stored}, yours {expected}). Reload, then edit again.',
  ),
  'version.invalidIfMatch': words('If-Match không hợp lệ', 'Invalid If-Match'),
  'version.format': words('Cần phiên bản dạng "3"', 'A version like "3" is needed'),
  'version.mismatch': words('If-Match và version không khớp nhau', 'If-Match and version do not agree'),
  'version.mismatchDetail': words(
    'If-Match {header} khác version {body}',
    'If-Match {header} differs from version {body}',
  ),
  'period.locked': words(
    'Kỳ {start}–{end} đã khóa: không thể {what} ngày {date}. Liên hệ cơ quan điều phối nếu cần mở khóa.',
    'The period {start}–{end} is locked: cannot {what} on {date}. Ask the coordinating agency to unlock it.',
  ),
  'period.alreadyUnlocked': words('Khóa kỳ {id} đã được mở trước đó', 'Period lock {id} was already lifted'),

  // ---- field formats (the contracts' own messages)
  'field.required': words('Không được để trống', 'Must not be empty'),
  'field.date': words(
    'Ngày không hợp lệ: cần dạng YYYY-MM-DD và là ngày có thật',
    'Invalid date: a real day written YYYY-MM-DD is needed',
  ),
  'field.dateTime': words(
    'Ngày giờ không hợp lệ: cần ISO 8601 có múi giờ, ví dụ 2025-07-30T08:00:00+07:00',
    'Invalid date and time: ISO 8601 with its offset is needed, e.g. 2025-07-30T08:00:00+07:00',
  ),
  'field.dateOrDateTime': words(
    'Cần ngày YYYY-MM-DD hoặc ngày giờ ISO 8601 có múi giờ (ví dụ 2025-07-30T08:00:00+07:00)',
    'A date YYYY-MM-DD or an ISO 8601 date and time with its offset is needed (e.g. 2025-07-30T08:00:00+07:00)',
  ),
  'field.bound': words(
    'Cần ngày YYYY-MM-DD hoặc ngày giờ ISO 8601 có múi giờ',
    'A date YYYY-MM-DD or an ISO 8601 date and time with its offset is needed',
  ),
  'field.code': words('Mã chỉ gồm chữ, số, dấu _ . -', 'A code has only letters, digits and _ . -'),
  'field.colour': words('Màu dạng #RRGGBB', 'A colour written #RRGGBB'),
  'field.link': words(
    'Liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://',
    'A link must be a full web address starting with http:// or https://',
  ),
  'field.passwordShort': words('Mật khẩu phải có ít nhất 8 ký tự', 'A password has at least 8 characters'),
  'field.passwordLong': words('Mật khẩu dài tối đa 256 ký tự', 'A password has at most 256 characters'),
  'field.usernameShort': words('Tên đăng nhập có ít nhất 3 ký tự', 'A user name has at least 3 characters'),
  'field.usernameChars': words(
    'Tên đăng nhập chỉ gồm chữ, số và . _ @ -',
    'A user name has only letters, digits and . _ @ -',
  ),
  'range.endBeforeStart': words('end phải sau start', 'end must come after start'),
  'range.endDate': words(
    'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu',
    'The end date must be on or after the start date',
  ),
  'range.peakEnd': words(
    'Ngày kết thúc cao điểm phải bằng hoặc sau ngày bắt đầu',
    'The peak must end on or after the day it starts',
  ),
  'validity.order': words(
    'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
    'The day it ends must come after the day it takes effect',
  ),
  'reference.unknownCode': words('Không có {what} mã "{code}"', 'No {what} with code "{code}"'),
  'reference.unknownId': words('Không có {what} id {id}', 'No {what} with id {id}'),
  'reference.notInForce': words(
    '{what} {code} không có hiệu lực vào ngày {date}',
    '{what} {code} is not in force on {date}',
  ),
  'date.noSuchDay': words('Không có ngày {day}/{month}', 'There is no day {day}/{month}'),
  'date.unreadable': words(
    'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 30/7/2025.',
    'Not a valid date: type day/month/year, e.g. 30/7/2025.',
  ),

  // ---- figures
  'figure.notNumber': words('Phải là một số', 'Must be a number'),
  'figure.notWhole': words('Phải là số nguyên (không có phần lẻ)', 'Must be a whole number'),
  'figure.negative': words('Không được là số âm', 'Must not be negative'),
  'figure.notOfType': words(
    'Chỉ tiêu “{indicator}” không thuộc loại hoạt động “{type}”',
    'The indicator “{indicatorEn}” does not belong to the activity type “{typeEn}”',
  ),
  'figure.aboveParent': words(
    '“{indicator}” ({value}) không thể lớn hơn “{parent}” ({parentValue})',
    '“{indicatorEn}” ({value}) cannot be more than “{parentEn}” ({parentValue})',
  ),
  'figure.abovePlan': words(
    '{value} cao hơn nhiều so với kế hoạch ({planned}): vui lòng kiểm tra lại',
    '{value} is far above the plan ({planned}): please check it',
  ),
  'figure.aboveUsual': words(
    '{value} cao hơn nhiều so với mức thường gặp của loại hoạt động này (khoảng {usual}): vui lòng kiểm tra lại',
    '{value} is far above what this type of activity usually gets (about {usual}): please check it',
  ),
  'figures.unusual': words(
    'Một số số liệu cao bất thường. Kiểm tra lại; nếu đúng, hãy xác nhận để lưu.',
    'Some figures are unusually high. Check them; if they are right, confirm to save.',
  ),

  // ---- activities and results
  'activity.otherAgency': words(
    'Chỉ được tạo, sửa hoặc xóa hoạt động do cơ quan của mình chủ trì',
    'You may create, change or delete only activities your agency leads',
  ),
  'activity.otherUnit': words(
    'Chỉ được tạo, sửa hoặc xóa hoạt động tại đơn vị hành chính được phân công',
    'You may create, change or delete only activities in the units assigned to you',
  ),
  'activity.hasResult': words(
    'Hoạt động đã có kết quả báo cáo: liên hệ cơ quan chủ trì hoặc điều phối để sửa',
    'The activity already has a result: ask the lead or the coordinating agency to change it',
  ),
  'activity.confirmByCoordinator': words(
    'Chỉ cơ quan điều phối mới được duyệt (xác nhận) hoạt động',
    'Only the coordinating agency may approve (confirm) activities',
  ),
  'activity.bulkTooMany': words(
    'Mỗi lần chỉ tạo được tối đa 200 hoạt động; hãy chia thành nhiều lần',
    'At most 200 activities can be created at once; split them into several batches',
  ),
  'activity.bulkEmpty': words('Chưa có hoạt động nào để tạo', 'There is no activity to create'),
  'activity.leadIsPartner': words(
    'Đơn vị chủ trì không đồng thời là đơn vị phối hợp',
    'The lead agency cannot also be a partner',
  ),
  'activity.endBeforeStart': words(
    'Thời gian kết thúc phải sau thời gian bắt đầu',
    'The end must come after the start',
  ),
  'activity.reasonNeeded': words(
    'Cần ghi lý do tạm hoãn hoặc hủy',
    'Give the reason for postponing or cancelling',
  ),
  'activity.startAllDay': words(
    'Thời gian bắt đầu phải là ngày YYYY-MM-DD (cả ngày)',
    'The start must be a date YYYY-MM-DD (all day)',
  ),
  'activity.startTimed': words(
    'Thời gian bắt đầu phải là ngày giờ có múi giờ (theo giờ)',
    'The start must be a date and time with its offset (timed)',
  ),
  'activity.endAllDay': words(
    'Thời gian kết thúc phải là ngày YYYY-MM-DD (cả ngày)',
    'The end must be a date YYYY-MM-DD (all day)',
  ),
  'activity.endTimed': words(
    'Thời gian kết thúc phải là ngày giờ có múi giờ (theo giờ)',
    'The end must be a date and time with its offset (timed)',
  ),
  'activity.deleted': words('Hoạt động {id} đã bị xóa', 'Activity {id} has been deleted'),
  'activity.deletedRestoreFirst': words(
    'Hoạt động {id} đã bị xóa; hãy khôi phục trước khi sửa',
    'Activity {id} has been deleted; restore it before changing it',
  ),
  'activity.alreadyDeleted': words('Hoạt động {id} đã bị xóa trước đó', 'Activity {id} was already deleted'),
  'activity.notDeleted': words('Hoạt động {id} chưa bị xóa', 'Activity {id} is not deleted'),
  'series.tooMany': words(
    'Một chuỗi lặp lại có tối đa 366 lần; hãy chọn ngày kết thúc sớm hơn hoặc ít lần hơn',
    'A recurring series has at most 366 occurrences; choose an earlier end date or fewer occurrences',
  ),
  'series.none': words(
    'Quy tắc lặp lại không cho ra ngày nào từ ngày bắt đầu đến ngày kết thúc',
    'The repeat rule gives no date between the start and the end date',
  ),
  'series.endNeeded': words(
    'Cần chọn ngày kết thúc hoặc số lần lặp lại (chỉ một trong hai)',
    'Choose an end date or a number of occurrences (one of the two)',
  ),
  'series.weekdaysWeekly': words(
    'Chỉ chuỗi lặp lại hằng tuần mới chọn thứ trong tuần',
    'Only a weekly series has weekdays',
  ),
  'series.monthDayMonthly': words(
    'Chỉ chuỗi lặp lại hằng tháng mới chọn ngày trong tháng',
    'Only a monthly series has a day of the month',
  ),
  'series.untilBeforeStart': words(
    'Ngày kết thúc chuỗi lặp lại phải từ ngày bắt đầu trở đi',
    'The series end date must be on or after the start',
  ),
  'result.otherAgency': words(
    'Chỉ được báo cáo kết quả hoạt động do cơ quan mình chủ trì hoặc phối hợp',
    'You may report results only of activities your agency leads or joins',
  ),
  'result.otherUnit': words(
    'Chỉ được báo cáo kết quả hoạt động tại đơn vị hành chính được phân công',
    'You may report results only of activities in the units assigned to you',
  ),
  'result.cancelled': words(
    'Hoạt động đã hủy: không thể báo cáo kết quả. Hãy đổi trạng thái trước nếu thực tế vẫn tổ chức',
    'The activity was cancelled: no result can be reported. Change its status first if it was held after all',
  ),
  'result.notYet': words(
    'Hoạt động chưa diễn ra: chỉ báo cáo kết quả từ ngày bắt đầu',
    'The activity has not taken place yet: results are reported from its first day',
  ),
  'result.alreadyReturned': words(
    'Kết quả đã được trả lại; chờ người báo cáo gửi lại',
    'The result was returned; wait for its author to send it again',
  ),
  'result.alreadyAccepted': words('Kết quả đã được chấp nhận trước đó', 'The result was already accepted'),
  'result.actualEnd': words(
    'Thời gian kết thúc thực tế phải sau thời gian bắt đầu',
    'The actual end must come after the actual start',
  ),
  'result.returnNote': words(
    'Cần ghi lý do trả lại để người báo cáo biết cần sửa gì',
    'Say why it is returned, so that its author knows what to fix',
  ),
  'report.otherAgency': words(
    'Chỉ được soạn báo cáo riêng của cơ quan mình; báo cáo chung của tỉnh, thành phố do điều phối viên soạn',
    "You may compose only your own agency's report; the province-wide report is the coordinators'",
  ),
  'report.issued': words(
    'Báo cáo đã ban hành không sửa được; hãy tạo phiên bản mới để sửa',
    'An issued report cannot be changed; create a new version to correct it',
  ),
  'report.notIssued': words(
    'Chỉ tạo phiên bản mới từ một báo cáo đã ban hành và còn hiệu lực (chưa có phiên bản thay thế)',
    'A new version is made only from an issued report still in force (not yet superseded)',
  ),
  'report.unknownSection': words('Báo cáo không có mục "{key}"', 'The report has no section "{key}"'),
  'report.neededToIssue': words('Cần điền trước khi ban hành', 'Needed before the report is issued'),
  'campaign.closed': words(
    'Chiến dịch "{name}" đã kết thúc: không thêm hoạt động mới vào chiến dịch này',
    'The campaign "{name}" is closed: no new activities join it',
  ),
  'campaign.inUse': words(
    'Chiến dịch còn {activities} hoạt động và {reports} báo cáo: không xóa được, hãy kết thúc chiến dịch',
    'The campaign still has {activities} activities and {reports} reports: close it instead of deleting it',
  ),
  'campaign.otherAgency': words(
    'Chỉ được tạo hoặc sửa chiến dịch do cơ quan của mình chủ trì',
    'You may create or change only campaigns your agency leads',
  ),

  'planCopy.yearAfter': words(
    'Chỉ sao chép kế hoạch sang một năm sau năm {year}',
    'A plan is copied only to a year after {year}',
  ),
  'planCopy.agencyNotInForce': words(
    'Cơ quan {id} không còn hoạt động vào ngày {date}',
    'Agency {id} is not in being on {date}',
  ),
  'planCopy.exists': words(
    'Đã có “{title}” (kế hoạch {id}): không sao chép lần nữa',
    '“{title}” already exists (plan {id}): it is not copied again',
  ),
  'planCopy.undecided': words(
    'Chưa chọn cơ quan thay thế cho: {names}',
    'Choose who takes the place of: {names}',
  ),
  // ---- kits
  'kit.noItems': words('Bộ hoạt động mẫu cần ít nhất một hoạt động', 'A kit needs at least one activity'),
  'kit.campaignOrId': words(
    'Chọn một chiến dịch có sẵn hoặc đặt tên chiến dịch mới, không cả hai',
    'Choose an existing campaign or name a new one, not both',
  ),
  'kit.anchorMissing': words(
    'Năm {year} không có ngày mốc của bộ hoạt động mẫu',
    'The year {year} has no anchor day for this kit',
  ),
  'kit.agenciesNeeded': words(
    'Bộ hoạt động mẫu có hoạt động do từng cơ quan chủ trì: hãy chọn ít nhất một cơ quan',
    'The kit has activities led by each chosen agency: choose at least one agency',
  ),
  'kit.unitsNeeded': words(
    'Bộ hoạt động mẫu có hoạt động do UBND từng xã, phường chủ trì: hãy chọn ít nhất một đơn vị',
    "The kit has activities led by each commune's People's Committee: choose at least one unit",
  ),
  'kit.noCommittee': words(
    'Đơn vị {unit} không có Ủy ban nhân dân trong danh mục cơ quan vào ngày {date}',
    "The unit {unit} has no People's Committee among the agencies on {date}",
  ),
  'kit.hasResults': words(
    'Không hoàn tác được: {count} hoạt động của lần áp dụng này đã có kết quả',
    'Cannot undo: {count} activities of this application already have a result',
  ),
  'kit.alreadyUndone': words('Lần áp dụng này đã được hoàn tác', 'This application was already undone'),

  // ---- imports
  'import.notSpreadsheet': words(
    'Tệp không phải bảng tính đọc được: hãy lưu dưới dạng .xlsx hoặc .csv (UTF-8)',
    'The file is not a readable spreadsheet: save it as .xlsx or .csv (UTF-8)',
  ),
  'import.empty': words('Bảng tính trống', 'The sheet is empty'),
  'import.noRows': words(
    'Bảng tính chỉ có dòng tiêu đề, chưa có dòng hoạt động nào',
    'The sheet has only its heading row, no activity rows',
  ),
  'import.tooManyRows': words(
    'Mỗi lần nhập tối đa {limit} dòng: hãy chia tệp ra',
    'At most {limit} rows are imported at once: split the file',
  ),
  'import.tooManyColumns': words(
    'Bảng tính có quá {limit} cột: hãy bỏ các cột không dùng',
    'The sheet has more than {limit} columns: remove the ones not used',
  ),
  'import.cellTooLong': words(
    'Ô ở dòng {row}, cột {column} dài quá {limit} ký tự',
    'The cell in row {row}, column {column} is longer than {limit} characters',
  ),
  'import.required': words('Cần điền', 'Needed'),
  'import.badDate': words(
    '“{value}” không phải ngày (viết như 30/7/2025)',
    '“{value}” is not a date (write it as 30/7/2025)',
  ),
  'import.badTime': words(
    '“{value}” không phải giờ (viết như 08:00 hoặc 8h-10h)',
    '“{value}” is not a time (write it as 08:00 or 8h-10h)',
  ),
  'import.endBeforeStart': words('Ngày kết thúc trước ngày bắt đầu', 'The end date is before the start date'),
  'import.unknownName': words('Không tìm thấy “{value}”', '“{value}” was not found'),
  'import.ambiguous': words(
    '“{value}” trùng tên nhiều mục: hãy ghi rõ hơn',
    '“{value}” matches several entries: be more precise',
  ),
  'import.badCount': words('“{value}” không phải số nguyên', '“{value}” is not a whole number'),
  'import.badId': words('“{value}” không phải mã hoạt động', '“{value}” is not an activity id'),
  'import.noSuchActivity': words('Không có hoạt động mã {id}', 'There is no activity {id}'),
  'import.noPlan': words('Chưa có kế hoạch năm {year}', 'There is no plan for {year}'),
  'import.noSuchRow': words('Lượt nhập không có dòng {row}', 'The import has no row {row}'),
  'import.noSuchColumn': words('Lượt nhập không có cột {column}', 'The import has no column {column}'),
  'import.notPreview': words(
    'Lượt nhập này đã ở trạng thái “{status}”: không thay đổi được nữa',
    'This import is already “{status}”: it cannot change any more',
  ),
  'import.invalidRows': words(
    'Còn {count} dòng lỗi (dòng {rows}): hãy sửa hoặc bỏ các dòng đó trước khi lưu',
    '{count} rows still have errors (rows {rows}): fix or drop them before saving',
  ),
  'import.undoResults': words(
    '{count} hoạt động của lượt nhập đã có kết quả: không hoàn tác được',
    '{count} activities of this import already have results: it cannot be undone',
  ),

  // ---- uploads
  'upload.none': words('Chưa có tệp nào được gửi', 'No file was sent'),
  'upload.one': words('Mỗi lần chỉ gửi một tệp', 'Send one file at a time'),
  'upload.multipart': words(
    'Tệp phải được gửi dạng multipart/form-data',
    'Files are sent as multipart/form-data',
  ),
  'upload.empty': words('Tệp rỗng: hãy chọn lại tệp', 'The file is empty: choose it again'),
  'upload.tooLarge': words(
    'Tệp lớn hơn {megabytes} MB: hãy giảm kích thước ảnh hoặc chia nhỏ tài liệu',
    'The file is larger than {megabytes} MB: make the photo smaller or split the document',
  ),
  'upload.type': words(
    'Chỉ nhận {accepted}; nội dung tệp không thuộc các loại đó',
    'Only {acceptedEn} are accepted; the file is none of these',
  ),
  'upload.brokenPhoto': words('Ảnh bị hỏng hoặc không đọc được', 'The photo is damaged or cannot be read'),

  // ---- reference data, plans, accounts, links
  'catalog.duplicate': words(
    'Mã {code} đã có trong danh mục {what}',
    'The code {code} is already in the {what} list',
  ),
  'catalog.ownParent': words(
    'Chỉ tiêu không là con của chính nó',
    'An indicator cannot be its own breakdown',
  ),
  'code.taken': words('Mã {code} đã được dùng', 'The code {code} is already used'),
  'unit.ownParent': words(
    'Một đơn vị không thể trực thuộc chính nó hay đơn vị cấp dưới của nó',
    'A unit cannot be under itself or one of its own units',
  ),
  'unit.sameSuccessor': words(
    'Đơn vị kế thừa phải khác đơn vị cũ',
    'The successor must differ from the former unit',
  ),
  'succession.exists': words('Quan hệ kế thừa này đã có', 'This succession is already recorded'),
  'agency.ownSuccessor': words('Một cơ quan không thể kế thừa chính nó', 'An agency cannot succeed itself'),
  'agency.documentSymbol': words('Chỉ gồm chữ và số, không dấu cách', 'Letters and digits only, no spaces'),
  'plan.codeTaken': words('Số kế hoạch {code} đã có', 'Plan number {code} already exists'),
  'plan.noSection': words('Kế hoạch không có mục "{section}"', 'The plan has no section "{section}"'),
  'task.codeTaken': words('Kế hoạch đã có nhiệm vụ {code}', 'The plan already has task {code}'),
  'user.taken': words('Tên đăng nhập {username} đã có', 'The user name {username} is taken'),
  'user.selfChange': words(
    'Không thể tự đổi vai trò hoặc tự khóa tài khoản của mình',
    'You cannot change your own role or disable your own account',
  ),
  'user.agencyNeeded': words('Vai trò này cần chọn cơ quan', 'This role needs an agency'),
  'user.unitNeeded': words(
    'Người báo cáo cấp xã cần ít nhất một đơn vị hành chính',
    'A commune reporter needs at least one administrative unit',
  ),
  'shareLink.gone': words(
    'Liên kết chia sẻ không tồn tại, đã hết hạn hoặc đã bị thu hồi',
    'The shared link does not exist, has expired or was revoked',
  ),
  'shareLink.expiry': words(
    'Hạn dùng phải từ hôm nay đến tối đa {days} ngày',
    'It must expire between today and {days} days from now',
  ),
} as const satisfies Record<string, Entry>;

export type RefusalKey = keyof typeof refusals;

/** A refusal as the API sends it: a key, its parameters and the Vietnamese words. */
export type Refusal = { key: RefusalKey; params: RefusalParams; message: string };

export function isRefusalKey(key: string): key is RefusalKey {
  return Object.hasOwn(refusals, key);
}

/** The refusal in one language. */
export function refusalText(key: RefusalKey, params: RefusalParams = {}, language: Language = 'vi'): string {
  return refusals[key][language](params);
}

/** The refusal with its Vietnamese words, as the server sends it. */
export function refusal(key: RefusalKey, params: RefusalParams = {}): Refusal {
  return { key, params, message: refusalText(key, params) };
}

/**
 * The key of a parameterless refusal by its Vietnamese words: the contracts give zod the
 * catalogue's words as their messages, and this finds the key back from a zod issue.
 */
const keyByWords = new Map(
  (Object.keys(refusals) as RefusalKey[]).map((key) => [refusalText(key), key] as const),
);

export function refusalKeyOf(message: string): RefusalKey | undefined {
  return keyByWords.get(message);
}

/** One field's refusal, as an error's `details` list it and as a form shows it at the field. */
export type FieldRefusal = {
  path: string;
  message: string;
  key: string;
  params: Record<string, string | number | boolean>;
};

/** The figures of a zod issue that its words need (`minimum`, `expected`...), as refusal parameters. */
function issueParams(issue: Record<string, unknown>): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(issue)) {
    if (name === 'path' || name === 'message' || name === 'input' || name === 'keys') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  }
  return params;
}

/**
 * A zod issue as the fields it names; unknown keys are named one by one. An issue whose
 * words are the catalogue's (a contract's own message) carries that refusal's key; any
 * other carries `zod.<code>` and the issue's figures, which zod's English words can use.
 */
export function issueRefusals(issue: {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string | undefined;
  keys?: string[] | undefined;
}): FieldRefusal[] {
  const base = issue.path.map(String).join('.');
  if (issue.keys && issue.keys.length > 0) {
    return issue.keys.map((key) => ({
      path: base ? `${base}.${key}` : key,
      ...refusal('request.unknownField', { field: key }),
    }));
  }
  const key = refusalKeyOf(issue.message);
  if (key) return [{ path: base, message: issue.message, key, params: {} }];
  return [
    { path: base, message: issue.message, key: `zod.${issue.code ?? 'custom'}`, params: issueParams(issue) },
  ];
}
