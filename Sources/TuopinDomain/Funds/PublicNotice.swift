/// 公告公示 — a notice the records call for (policy-rules §6.6): the allocation result of a fund source (within 15
/// working days of its issue), a project before it enters the pool (事前公示, from the day it is posted) and after
/// its acceptance (事后公告, within 15 working days), each on the notice board for at least 10 days. Its content
/// is drawn from the records when printed; only when it was put up and taken down, and where, are recorded.
public struct PublicNotice: Hashable, Sendable {
    public enum Kind: String, Vocabulary {
        case allocation = "资金分配结果公告"
        case posting = "项目入库前公示"
        case announcement = "项目竣工公告"

        /// The key in addresses and the database.
        public var key: String {
            switch self {
            case .allocation: "allocation"
            case .posting: "posting"
            case .announcement: "announcement"
            }
        }

        public static func fromKey(_ key: String) -> Kind? { allCases.first { $0.key == key } }
    }

    /// 状态 on a day.
    public enum State: String, Vocabulary {
        case pending = "待张贴"
        case overdue = "逾期未张贴"
        case showing = "公示中"
        case done = "已期满撤下"
        case early = "未满期撤下"
    }

    public var kind: Kind
    /// The fund source's or the project's ID.
    public var subject: Int64
    public var title: String
    /// Where it is posted (a village, a township or the county).
    public var area: AreaCode
    public var due: LocalDate
    public var posted: LocalDate?
    public var removed: LocalDate?
    public var place: String

    public init(kind: Kind, subject: Int64, title: String, area: AreaCode, due: LocalDate, posted: LocalDate? = nil, removed: LocalDate? = nil, place: String = "") {
        self.kind = kind
        self.subject = subject
        self.title = title
        self.area = area
        self.due = due
        self.posted = posted
        self.removed = removed
        self.place = place
    }

    /// 公示期 — at least 10 days (policy-rules §6.6).
    public static let minimumDays = 10

    public func state(on today: LocalDate) -> State {
        guard let posted else { return today > due ? .overdue : .pending }
        guard let removed else { return .showing }
        return removed.days(since: posted) >= Self.minimumDays ? .done : .early
    }

    /// The due date `n` working days (Monday to Friday; holidays not known) after `date`.
    public static func workingDays(_ n: Int, after date: LocalDate) -> LocalDate {
        var d = date, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if d.weekday < 5 { left -= 1 }
        }
        return d
    }

    /// Records the posting: not before the record calls for it, not in the future, in a place.
    public func post(on date: LocalDate, place: String, today: LocalDate, earliest: LocalDate) throws(Refused) -> PublicNotice {
        guard posted == nil else { throw Refused(.conflict, "已于\(posted!)张贴", "already posted", field: "posted") }
        guard date <= today else { throw Refused(.invalid, "张贴日期不能晚于今天", "not after today", field: "posted") }
        guard date >= earliest else { throw Refused(.invalid, "早于\(earliest)（记录产生之前）", "before the record it shows", field: "posted") }
        guard !place.trimmedCell.isEmpty, place.count <= 60 else { throw Refused(.invalid, "请填写张贴地点（不超过60字）", "the place, at most 60 characters", field: "place") }
        var n = self
        n.posted = date
        n.place = place.trimmedCell
        return n
    }

    /// Records the removal (a removal before 10 days is allowed, and flagged as 未满期撤下).
    public func remove(on date: LocalDate, today: LocalDate) throws(Refused) -> PublicNotice {
        guard let posted else { throw Refused(.conflict, "尚未张贴", "not posted yet", field: "removed") }
        guard removed == nil else { throw Refused(.conflict, "已于\(removed!)撤下", "already removed", field: "removed") }
        guard date >= posted, date <= today else { throw Refused(.invalid, "撤下日期应在 \(posted) 至今天之间", "between the posting and today", field: "removed") }
        var n = self
        n.removed = date
        return n
    }
}

extension LocalDate {
    /// 0 Monday … 6 Sunday.
    public var weekday: Int { ((dayNumber - LocalDate(year: 2024, month: 1, day: 1)!.dayNumber) % 7 + 7) % 7 }
}
