/// ID numbers and phones in lists are masked: `451224********0118`.
public enum IDMask {
    public static func mask(_ id: String) -> String {
        guard id.count > 10 else { return String(repeating: "*", count: id.count) }
        return String(id.prefix(6)) + String(repeating: "*", count: id.count - 10) + String(id.suffix(4))
    }
}
