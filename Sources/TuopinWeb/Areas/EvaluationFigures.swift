import TuopinDomain
/// The figures of an evaluation the county page shows.
public struct EvaluationFigures: Sendable {
    public var id: Int64
    public var title: String
    public var rates: EvaluationRates
}
