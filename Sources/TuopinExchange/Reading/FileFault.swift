import TuopinDomain

/// A fault of a whole file, or one that stops reading it: reported with an empty or given row number.
public struct FileFault: Refusal, Equatable {
    public var row: Int?
    public var chinese: String
    public var english: String
    public var kind: RefusalKind { .invalid }

    public init(row: Int? = nil, _ chinese: String, _ english: String) {
        self.row = row
        self.chinese = chinese
        self.english = english
    }

    public static let empty = FileFault("文件为空", "the file is empty")
    public static let binary = FileFault("文件不是文本（含二进制内容），请另存为 CSV 或 XLSX", "the file is not text (it holds binary data); save it as CSV or XLSX")
    public static let utf16 = FileFault("文件是 UTF-16 编码（Excel“Unicode 文本”），请另存为“CSV UTF-8”", "the file is UTF-16 (Excel 'Unicode Text'); save it as 'CSV UTF-8'")
    public static let unknownEncoding = FileFault("无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK", "cannot read the file's encoding: it is neither UTF-8 nor GB18030/GBK")
    public static let noHeader = FileFault("找不到表头行：没有一行写出至少三个已知列名", "no header row found: no row names at least three known columns")
    public static func unsupported(_ ext: String) -> FileFault {
        FileFault("不支持的文件类型“\(ext)”，请使用 .csv 或 .xlsx", "unsupported file type '\(ext)'; use .csv or .xlsx")
    }
}
