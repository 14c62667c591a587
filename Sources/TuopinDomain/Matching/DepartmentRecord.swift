/// 部门比对数据 — one row of another department's file (公安 deaths and moves, 交管 vehicles, 不动产, 市场监管,
/// 财政供养, 职工养老保险, 学籍), by ID number, kept as given: its date and its other columns by name.
public struct DepartmentRecord: Sendable, Hashable {
    /// 数据类别 — the kinds of file `tuopin import-department --kind` reads (issue #17 item 1).
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case deaths, moves, vehicles, property, business, payroll, pension, school

        /// 名称
        public var label: String {
            switch self {
            case .deaths: "死亡人员"
            case .moves: "户籍迁出"
            case .vehicles: "机动车登记"
            case .property: "不动产登记"
            case .business: "市场主体登记"
            case .payroll: "财政供养人员"
            case .pension: "职工基本养老保险"
            case .school: "学籍"
            }
        }

        /// 提供部门
        public var department: String {
            switch self {
            case .deaths: "公安、民政"
            case .moves: "公安"
            case .vehicles: "公安交管"
            case .property: "自然资源（不动产登记）"
            case .business: "市场监管"
            case .payroll: "财政"
            case .pension: "人力资源和社会保障"
            case .school: "教育"
            }
        }

        /// The columns after 证件号码 and 姓名, in order; the first named in `dateColumn` is the record's date.
        public var columns: [DepartmentColumn] {
            switch self {
            case .deaths: [.init("死亡日期", .date)]
            case .moves: [.init("迁出日期", .date), .init("迁往地区", .text)]
            case .vehicles: [.init("号牌号码", .text), .init("车辆类型", .text), .init("登记日期", .date), .init("估值", .money, required: false)]
            case .property: [.init("坐落", .text), .init("用途", .text), .init("建筑面积", .number), .init("登记日期", .date)]
            case .business: [.init("主体名称", .text), .init("主体类型", .text), .init("注册资本", .money, required: false), .init("成立日期", .date),
                             .init("登记状态", .choice(["存续", "注销", "吊销"]))]
            case .payroll: [.init("单位", .text), .init("入编日期", .date)]
            case .pension: [.init("参保单位", .text), .init("缴费月数", .number), .init("最近缴费年月", .month)]
            case .school: [.init("学校", .text), .init("学段", .choice(["学前", "小学", "初中", "高中", "中职", "高校"])),
                           .init("在籍状态", .choice(["在读", "休学", "辍学", "毕业"]))]
            }
        }

        /// The column whose value is the record's date.
        public var dateColumn: String? {
            switch self {
            case .deaths: "死亡日期"
            case .moves: "迁出日期"
            case .vehicles, .property: "登记日期"
            case .business: "成立日期"
            case .payroll: "入编日期"
            case .pension: "最近缴费年月"
            case .school: nil
            }
        }
    }

    public var kind: Kind
    public var idNumber: String
    public var name: String
    public var date: LocalDate?
    /// The other columns as given (amounts in yuan as written, months as YYYY-MM).
    public var fields: [String: String]

    public init(kind: Kind, idNumber: String, name: String, date: LocalDate?, fields: [String: String]) {
        self.kind = kind
        self.idNumber = idNumber
        self.name = name
        self.date = date
        self.fields = fields
    }
}

/// A column of a department file and what its cells must be.
public struct DepartmentColumn: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text, date, month, money, number
        case choice([String])
    }

    public var name: String
    public var value: Value
    public var required: Bool

    public init(_ name: String, _ value: Value, required: Bool = true) {
        self.name = name
        self.value = value
        self.required = required
    }
}
