import Testing
@testable import TuopinDomain

/// Issue #19 item 7: eight spaces and `12345678` were accepted as passwords.
struct PasswordRuleTests {
    @Test(arguments: ["        ", "12345678", "1234567", "abcdefgh", "密码密码密码密码", "Password", "PASSWORD1", "Admin123", "88888888"])
    func weak_passwords_are_refused(password: String) {
        #expect(PasswordRule.faults(password) != nil, "\(password) was accepted")
    }

    @Test(arguments: ["correct-horse-1", "dl2016扶贫", "Tuopin#2020"])
    func passwords_of_mixed_kinds_are_accepted(password: String) {
        #expect(PasswordRule.faults(password) == nil)
    }
}
