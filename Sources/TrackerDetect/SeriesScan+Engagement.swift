extension SeriesScan {
    /// For an audience that rose or fell by 2% or more (a jump, a surge), what the engagement rate
    /// did meanwhile (when it was observed before the event and during it): bought followers never
    /// engage, so the engaged audience (audience × rate) does not grow with them; a purge of fake
    /// ones leaves it whole. Below 2%, the rate's own day-to-day wander would decide the verdict.
    /// A clause to end the event's sentence with, or nothing.
    func engagement(_ event: Anomaly) -> String {
        let audience = event.after / max(event.before, 1) - 1
        // `following` has a companion too (the followers, for follow churn): not a rate.
        guard abs(audience) >= 0.02, let rate = companion, rate.metric == "engagement_rate",
              let j = rate.times.lastIndex(where: { $0 <= event.end }),
              rate.times[j] > event.start, let before = rate.value(atOrBefore: event.start) else { return "" }
        let after = rate.values[j]
        let engagedBefore = event.before * before, engagedAfter = event.after * after
        let engaged = engagedAfter / max(engagedBefore, 1e-9) - 1
        let verdict: String
        if audience > 0 {
            verdict = engaged <= 0.25 * audience ? ", so the newcomers do not engage" : ": the newcomers engage"
        } else {
            verdict = engaged >= 0.25 * audience ? ", so those who left did not engage" : ": those who left engaged"
        }
        let moved = after < before ? "fell \(Wording.decimal(before)) → \(Wording.decimal(after))"
            : after > before ? "rose \(Wording.decimal(before)) → \(Wording.decimal(after))" : "held at \(Wording.decimal(after))"
        let from = Wording.count(engagedBefore), to = Wording.count(engagedAfter)
        let size = engaged > 0.02 ? "grew from \(from) to \(to)" : engaged < -0.02 ? "shrank from \(from) to \(to)"
            : "stayed at about \(from)"
        return ", while engagement rate \(moved): the engaged audience \(size)\(verdict)"
    }
}
