import Foundation
import TuopinDomain

/// The policies file (docs/BENEFITS.md): the shipped one, or a deployment's own (TUOPIN_BENEFIT_POLICIES). A
/// fault names the file and line; the server does not start on one.
public enum BenefitFiles {
    public struct Fault: Refusal, Equatable {
        public let chinese: String
        public let english: String
        public var kind: RefusalKind { .misconfigured }
    }

    public static let shipped: BenefitPolicies = {
        guard let url = Bundle.module.url(forResource: "policies", withExtension: "txt", subdirectory: "Resources/benefits"),
              let text = try? String(contentsOf: url, encoding: .utf8), let policies = try? BenefitPolicies.parse(text) else {
            fatalError("the shipped Resources/benefits/policies.txt is missing or faulty")
        }
        return policies
    }()

    public static func fromEnvironment(_ env: [String: String]) throws -> BenefitPolicies {
        guard let path = env["TUOPIN_BENEFIT_POLICIES"], !path.isEmpty else { return shipped }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Fault(chinese: "无法读取政策清单文件 \(path)", english: "cannot read the policies file \(path)")
        }
        do { return try BenefitPolicies.parse(text) } catch {
            throw Fault(chinese: "\(path) 第\(error.line)行：\(error.chinese)", english: "\(path) line \(error.line): \(error.english)")
        }
    }
}
