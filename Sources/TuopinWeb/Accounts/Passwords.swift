import TuopinDomain
import Vapor

/// Password hashing with bcrypt (Vapor's implementation). Cost 12 by default; tests lower it.
public enum Passwords {
    public static func hash(_ password: String, cost: Int = 12) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// The faults of a new password (nil when acceptable): the domain's rule.
    public static func faults(_ password: String) -> String? { PasswordRule.faults(password) }
}
