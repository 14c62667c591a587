import TuopinDomain

extension Household {
    /// The household as the registry held it at the end of `year` (nil: not yet identified): its income of
    /// that year only, an exit only if it came by then, no member born after it.
    func asOf(_ year: Int) -> Household? {
        guard identifiedYear <= year, let income = income(for: year) else { return nil }
        var then = self
        then.incomes = [income]
        if let exit = exitYear, exit > year { then.exitYear = nil }
        then.members = members.filter { $0.birthDate.year <= year }
        return then.members.contains { $0.relation == .head } ? then : nil
    }
}
