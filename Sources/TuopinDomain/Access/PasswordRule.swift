/// 密码规则 — what a password someone chooses must be: at least 8 characters, not blank, not of one kind of
/// character only (digits, letters), and not one of the commonly guessed passwords. Every path that sets a
/// password checks it (docs/ROLES.md).
public enum PasswordRule {
    public static let minimumLength = 8

    /// Passwords tried first by anyone guessing (a short list; the rule above catches most others).
    static let common: Set<String> = [
        "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "66666666",
        "password", "password1", "passw0rd", "qwertyui", "qwerty123", "abcd1234", "1qaz2wsx", "a1234567",
        "abc12345", "iloveyou", "admin123", "admin888", "woaini1314", "zxcvbnm1", "1q2w3e4r", "asdf1234",
    ]

    /// The fault of a password in Chinese and English, or nil when it may be used.
    public static func faults(_ password: String) -> String? {
        if password.count < minimumLength {
            return "密码至少\(minimumLength)位 / a password needs at least \(minimumLength) characters"
        }
        if password.allSatisfy(\.isWhitespace) { return "密码不能全是空格 / a password may not be blank" }
        if common.contains(password.lowercased()) { return "密码过于常见，请换一个 / this password is too common; choose another" }
        let digits = password.allSatisfy(\.isNumber), letters = password.allSatisfy(\.isLetter)
        if digits || letters {
            return "密码不能只含数字或只含字母 / a password may not be digits only or letters only"
        }
        return nil
    }
}
