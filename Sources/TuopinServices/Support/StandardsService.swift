import TuopinDomain

/// 扶贫标准 — the standards in force, for everyone who reads the registry.
public enum StandardsService {
    public static func inForce(in ctx: ServiceContext) throws -> StandardSet {
        try ctx.user.require(.readRegistry)
        return ctx.standards
    }
}
