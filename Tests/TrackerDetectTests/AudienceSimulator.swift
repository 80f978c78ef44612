import Foundation
@testable import TrackerDetect

/// A seeded generator of realistic page histories with labelled manipulation injected:
/// organic growth that slowly accelerates, weekly cycles, heavy-tailed noise, irregular snapshot
/// times and gaps, flat stretches, platform rounding, and the six kinds, clear and subtle
/// (subtle = 5–8 times the noise at the event's own time scale). Organic day-to-day noise is
/// Student's t with 8 degrees of freedom (heavier tails than normal), with standard deviation `noise`;
/// `make eval` also draws it from other laws with the same standard deviation, to show how the
/// figures depend on the tails, and makes histories of other textures (`Texture`).
struct AudienceSimulator {
    /// The law of the organic day-to-day noise, scaled to unit variance.
    enum NoiseLaw: String, CaseIterable {
        case studentT8 = "Student's t (8 df)", normal = "normal", laplace = "Laplace", studentT4 = "Student's t (4 df)"

        func draw(_ random: inout SplitMix64) -> Double {
            switch self {
            case .studentT8: return random.studentT(8)
            case .studentT4: return random.studentT(4)
            case .normal: return random.normal()
            case .laplace:
                let u = random.uniform(-0.5, 0.5)
                return (u < 0 ? 1 : -1) * log(max(1 - 2 * abs(u), 1e-300)) / 2.squareRoot()
            }
        }
    }

    struct Event: Equatable {
        let kind: AnomalyKind
        let metric: String
        let start: Int64
        let end: Int64
        let subtle: Bool
    }

    struct Page {
        let name: String
        let platform: String
        let series: [Series]
        let events: [Event]
        let years: Double
    }

    /// How organic histories depart from iid noise around a smooth trend.
    enum Texture: String, CaseIterable {
        case plain = "independent noise around the trend"
        /// The growth rate times e^x, x wandering (correlated over about a month) with sd 0.15.
        case wanderingGrowth = "growth wandering ±15% over weeks"
        /// Each capture off the count by normal noise of half the daily noise's sd.
        case captureNoise = "captures off by half the daily noise"
        /// A stress case: day-to-day noise of arrivals counted one by one (sd √(3 × the daily gain) + 1),
        /// far below the 0.3√size of the others and of real pages: on large pages it lies under the
        /// noise floors and a jump's materiality bar.
        case countingNoise = "day-to-day noise of counting, √(3 × daily gain)"
        /// A second capture 0.5–3.5 hours after the first on a fifth of the days: a cron job's retry,
        /// an analyst's manual run.
        case extraCaptures = "a fifth of days captured twice, hours apart"
        /// Captured at any hour of the day, not within the same four hours.
        case anyHour = "captured at any hour of the day"
        /// Captured twice a day, 12 hours apart (a cron job at 03:00 and 15:00).
        case twiceADay = "captured twice a day, 12 hours apart"
        /// Captured every hour (a cron job that runs hourly), within 10 minutes of the hour.
        case hourly = "captured every hour"
    }

    var random: SplitMix64
    let law: NoiseLaw
    let texture: Texture
    /// The first event of a page falls on this day or up to 19 days later (the others 60–150 days apart).
    let firstEventDay: Int

    init(seed: UInt64, law: NoiseLaw = .studentT8, texture: Texture = .plain, firstEventDay: Int = 100) {
        random = SplitMix64(seed: seed)
        self.law = law
        self.texture = texture
        self.firstEventDay = firstEventDay
    }

    static let day: Int64 = 86_400
    static let epoch: Int64 = 1_577_836_800  // 2020-01-01

    /// A page of `days` days with `eventCount` injected events (0 = organic only).
    mutating func page(index: Int, days: Int = 540, eventCount: Int) -> Page {
        let platform = ["twitter", "facebook", "instagram", "youtube"][random.int(4)]
        let size = exp(random.uniform(log(300), log(5_000_000)))
        let times = observationTimes(days: days)
        var kinds: [AnomalyKind] = [.spike, .drop, .surge]
        if platform != "youtube" { kinds += [.levelShift, .dilution] }
        if platform == "twitter" || platform == "instagram" { kinds.append(.followChurn) }
        var plans: [Plan] = []
        var slot = firstEventDay + random.int(20)
        for _ in 0..<eventCount where slot < days - 60 {
            let kind = kinds[random.int(kinds.count)]
            let plan = Plan(kind: kind, day: slot, length: length(of: kind), subtle: random.uniform(0, 1) < 0.5)
            plans.append(plan)
            slot += plan.length + 60 + random.int(90)  // events far enough apart to be told apart
        }
        let interval = times.count > 1 ? Double(times.last! - times.first!) / Double(times.count - 1) / Double(Self.day) : 1
        var builder = PageBuilder(size: size, platform: platform, days: days, random: random, interval: interval.rounded(), law: law, texture: texture)
        for plan in plans { builder.inject(plan) }
        random = builder.random
        let series = builder.series(at: times)
        let events = plans.map { plan in
            Event(kind: plan.kind, metric: plan.metric(platform: platform), start: Self.epoch + Int64(plan.day) * Self.day,
                  end: Self.epoch + Int64(plan.day + plan.length) * Self.day, subtle: plan.subtle)
        }
        return Page(name: "page\(index)", platform: platform, series: series, events: events, years: Double(days) / 365)
    }

    private mutating func length(of kind: AnomalyKind) -> Int {
        switch kind {
        case .spike, .drop: return random.int(2)
        case .surge, .dilution: return 35 + random.int(80)
        case .levelShift, .flatline: return 0
        case .followChurn: return 15 + random.int(30)
        }
    }

    /// Mostly daily at a jittered hour (any hour for `anyHour`, and 12 hours later too for
    /// `twiceADay`, every hour of the day for `hourly`); some days missed, some longer gaps, some pages weekly. `extraCaptures` takes a second capture on a fifth of the days; it and
    /// `hourly` draw from a stream of their own, so the pages are otherwise those of the plain texture.
    private mutating func observationTimes(days: Int) -> [Int64] {
        let weekly = random.uniform(0, 1) < 0.1
        var extra = SplitMix64(seed: random.state ^ 0x5EED)
        let hours = texture == .anyHour ? 24 : 4
        var times: [Int64] = []
        var d = 0
        while d < days {
            if random.uniform(0, 1) > 0.04 {
                times.append(Self.epoch + Int64(d) * Self.day + Int64(random.int(hours * 3600)))
                if texture == .twiceADay { times.append(times.last! + 12 * 3600) }
                if texture == .hourly {
                    times.removeLast()
                    for h in 0..<24 { times.append(Self.epoch + Int64(d) * Self.day + Int64(h) * 3600 + Int64(extra.int(600))) }
                }
                if texture == .extraCaptures, extra.uniform(0, 1) < 0.2 {
                    times.append(times.last! + 1800 + Int64(extra.int(3 * 3600)))
                }
            }
            d += weekly ? 7 : (random.uniform(0, 1) < 0.01 ? 2 + random.int(6) : 1)
        }
        return times
    }
}

/// An injected event before it becomes labels.
struct Plan {
    let kind: AnomalyKind
    let day: Int
    let length: Int
    let subtle: Bool

    func metric(platform: String) -> String {
        switch kind {
        case .levelShift: return "engagement_rate"
        case .followChurn: return "following"
        default: return platform == "facebook" ? "fans" : "followers"
        }
    }
}

/// Builds daily latent values, then samples them at observation times.
struct PageBuilder {
    let platform: String
    let days: Int
    var random: SplitMix64
    var audience: [Double]       // daily, cumulative
    var following: [Double]
    var posts: [Double]
    var rate: [Double]           // engagement rate, before observation noise
    let noise: Double            // daily audience noise (sd)
    let rateNoise: Double        // relative observation noise of the rate

    /// Days between observations: a subtle event is 5–8 times the noise at that scale.
    let interval: Double

    let captureNoise: Double     // sd of each capture's own error

    init(size: Double, platform: String, days: Int, random: SplitMix64, interval: Double, law: AudienceSimulator.NoiseLaw,
         texture: AudienceSimulator.Texture = .plain) {
        var rng = random
        self.interval = max(1, interval)
        self.platform = platform
        self.days = days
        rateNoise = rng.uniform(0.03, 0.08)
        let growth = rng.uniform(0, 1) < 0.15 ? -rng.uniform(0, 0.0004) : exp(rng.uniform(log(2e-5), log(2e-3)))
        let noise = texture == .countingNoise ? 1 + (3 * size * abs(growth)).squareRoot() : 1 + 0.3 * size.squareRoot()
        self.noise = noise
        let acceleration = rng.uniform(0, 1.5)
        let weekly = rng.uniform(0, 0.5)
        let flat = rng.uniform(0, 1) < 0.1  // a dormant page: long flat stretches
        var audience: [Double] = []
        var level = size, wander = 0.0
        captureNoise = texture == .captureNoise ? 0.5 * noise : 0
        for d in 0..<days {
            if texture == .wanderingGrowth { wander = 0.97 * wander + rng.normal() * 0.15 * (1 - 0.97 * 0.97).squareRoot() }
            let trend = growth * exp(wander) * (1 + acceleration * Double(d) / Double(days))
            let cycle = 1 + weekly * sin(2 * .pi * Double(d % 7) / 7)
            let step = flat ? (rng.uniform(0, 1) < 0.1 ? rng.normal() * noise : 0)
                : level * trend * cycle + law.draw(&rng) * noise
            level = max(0, level + step)
            audience.append(level.rounded())
        }
        let followingSize = exp(rng.uniform(log(80), log(4000)))
        var f = followingSize, following: [Double] = []
        for _ in 0..<days {
            f = max(0, f + rng.normal() * (1 + 0.03 * followingSize.squareRoot()) + 0.2)
            following.append(f.rounded())
        }
        let postsPerDay = rng.uniform(0.2, 8)
        var p = rng.uniform(50, 5000).rounded(), posts: [Double] = []
        for _ in 0..<days { p += rng.poisson(postsPerDay); posts.append(p) }
        var r = exp(rng.uniform(log(0.005), log(0.12))), rate: [Double] = []
        for _ in 0..<days { r = max(1e-4, r * exp(rng.normal() * 0.005)); rate.append(r) }
        self.audience = audience
        self.following = following
        self.posts = posts
        self.rate = rate
        self.random = rng
    }

    /// The day-to-day noise as observed: YouTube's rounding to 3 significant figures adds its own.
    func observedNoise(_ level: Double) -> Double {
        let own = (noise * noise + 2 * captureNoise * captureNoise).squareRoot()
        guard platform == "youtube", level >= 1000 else { return own }
        let step = pow(10, floor(log10(level)) - 2)
        return (own * own + step * step / 6).squareRoot()
    }

    mutating func inject(_ plan: Plan) {
        let d = plan.day, level = audience[d]
        func addToAudience(from day: Int, _ amount: (Int) -> Double) {
            var added = 0.0
            for t in day..<days { added = amount(t - day); audience[t] = max(0, audience[t] + added) }
        }
        switch plan.kind {
        case .spike, .drop:
            let span = Double(plan.length + 1)
            let scale = observedNoise(level) * max(span, interval).squareRoot()
            let size = plan.subtle ? random.uniform(5, 8) * scale
                : max(level * (plan.kind == .spike ? random.uniform(0.03, 0.6) : random.uniform(0.03, 0.3)), 10 * scale)
            let sign: Double = plan.kind == .spike ? 1 : -1
            let amount = max(size, 30) * sign
            addToAudience(from: d) { t in (amount * min(1, Double(t + 1) / span)).rounded() }
        case .surge, .dilution:
            let length = Double(plan.length)
            let perDay = plan.subtle && plan.kind == .surge ? random.uniform(5, 8) * observedNoise(level) / 28.squareRoot()
                : level * random.uniform(0.5, 3) / length
            addToAudience(from: d) { t in (perDay * min(Double(t), length)).rounded() }
            if plan.kind == .dilution {
                // Newcomers never engage: the engaged audience stays where it was.
                for t in d..<days { rate[t] = rate[t] * audience[d] / max(audience[t], 1) * random.uniform(0.9, 0.97) }
            }
        case .levelShift:
            let factor = plan.subtle ? 1 + random.sign() * random.uniform(5, 8) * rateNoise : [0.5, 2][random.int(2)]
            for t in d..<days { rate[t] *= factor }
        case .flatline:
            break  // a capture fault, not an audience's doing: never planned
        case .followChurn:
            let rise = plan.subtle ? max(150, following[d] * random.uniform(0.2, 0.5)) : random.uniform(500, 4000)
            let up = 1 + random.int(5), hold = 3 + random.int(12), down = plan.length - up - hold
            for t in d..<days {
                let k = t - d
                let extra = k < up ? rise * Double(k + 1) / Double(up)
                    : k < up + hold ? rise : k < plan.length ? rise * Double(plan.length - k) / Double(max(down, 1)) : 0
                following[t] = (following[t] + extra).rounded()
            }
            addToAudience(from: d) { t in (rise * 0.05 * min(1, Double(t) / Double(up + hold))).rounded() }
        }
    }

    mutating func series(at times: [Int64]) -> [Series] {
        let days = times.map { Int(($0 - AudienceSimulator.epoch) / AudienceSimulator.day) }
        // Counts grow through the day: a snapshot taken hours later has seen those hours' growth.
        func sample(_ daily: [Double]) -> [Double] {
            zip(times, days).map { time, d in
                let hours = Double(time - AudienceSimulator.epoch - Int64(d) * AudienceSimulator.day) / 86_400
                let next = daily[min(d + 1, daily.count - 1)]
                return (daily[d] + hours * (next - daily[d])).rounded()
            }
        }
        let audienceName = platform == "facebook" ? "fans" : "followers"
        var observed = sample(audience)
        if captureNoise > 0 { observed = observed.map { max(0, ($0 + random.normal() * captureNoise).rounded()) } }
        if platform == "youtube" { observed = observed.map(Self.threeSignificantFigures) }
        var result = [Series(metric: audienceName, times: times, values: observed),
                      Series(metric: "posts", times: times, values: sample(posts))]
        if platform == "twitter" || platform == "instagram" {
            result.append(Series(metric: "following", times: times, values: sample(following)))
        }
        if platform != "youtube" {
            let rates = days.map { rate[$0] * exp(random.normal() * rateNoise) }
            result.append(Series(metric: "engagement_rate", times: times, values: rates))
        }
        return result
    }

    static func threeSignificantFigures(_ value: Double) -> Double {
        guard value >= 1000 else { return value }
        let scale = pow(10, floor(log10(value)) - 2)
        return (value / scale).rounded(.down) * scale
    }
}

/// A small, fast, seedable random number generator (Vigna's SplitMix64).
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func sign() -> Double { int(2) == 0 ? -1 : 1 }

    mutating func normal() -> Double {
        let u = max(uniform(0, 1), 1e-300), v = uniform(0, 1)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// Student's t with `nu` degrees of freedom, scaled to unit variance: heavy tails.
    mutating func studentT(_ nu: Int) -> Double {
        var chi = 0.0
        for _ in 0..<nu { let z = normal(); chi += z * z }
        return normal() / (chi / Double(nu)).squareRoot() * ((Double(nu) - 2) / Double(nu)).squareRoot()
    }

    mutating func poisson(_ lambda: Double) -> Double {
        let limit = exp(-lambda)
        var k = 0.0, p = uniform(0, 1)
        while p > limit { k += 1; p *= uniform(0, 1) }
        return k
    }
}
