namespace PrivacyHoldout75.Transport;

public sealed record Tap(string TapId, string CardNumber, string ValidatorId, string StopId, DateTimeOffset At);

public sealed record Journey(string JourneyId, string CardNumber, string OriginStop, string? DestinationStop, decimal Fare, IReadOnlyList<string> TapIds);

/// <summary>
/// Reconciles the taps the validators uploaded with the journeys the fare engine built from them;
/// taps are keyed by tap id, journeys by journey id. Also checks the journeys' columns and reports
/// what a re-pricing run changed (fares and completed destinations; a journey keeps its card), so
/// that it can be rolled back.
/// </summary>
public sealed class TapReconciliation(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TapReconciliation> logger)
{
    private readonly Counter<long> _orphans = meter.CreateCounter<long>("taps.orphaned", "{tap}");

    public void Run(string runId, IReadOnlyDictionary<string, Tap> taps, IReadOnlyDictionary<string, Journey> journeys)
    {
        using var span = source.StartCardmigRun(runId);
        var used = journeys.Values.SelectMany(j => j.TapIds).ToHashSet(StringComparer.Ordinal);
        var orphanTaps = taps.Keys.Where(id => !used.Contains(id)).ToList();
        span.SetCardmigRecords(taps.Count).SetCardmigMismatches(orphanTaps.Count);
        logger.LogWarning("Taps with no journey: {TapIds}", orphanTaps); // clean logging-objects
        foreach (var tap in orphanTaps.Take(20).Select(id => taps[id]))
        {
            var line = string.Join(',', tap.TapId, tap.CardNumber, tap.ValidatorId, tap.StopId, tap.At.ToString("O"));
            logger.LogDebug("Orphan tap {Line}", line); // leak TC1001 strings
        }

        foreach (var byValidator in orphanTaps.Select(id => taps[id]).GroupBy(t => t.ValidatorId))
        {
            _orphans.Add(byValidator.Count(), new KeyValuePair<string, object?>("validator", byValidator.Key)); // clean precision-about
        }

        var cards = orphanTaps.Select(id => taps[id].CardNumber).Distinct().ToList();
        logger.LogWarning("Cards with orphan taps: {Cards}", cards); // leak TC1001 logging-objects
        span.SetCardmigNote($"{orphanTaps.Count} orphan taps on {cards.Count} cards"); // clean generated-api
        foreach (var card in cards)
        {
            _orphans.Add(0, new KeyValuePair<string, object?>("card", card)); // leak TC1003 direct
            var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card))[0] % 10;
            Activity.Current?.AddEvent(new ActivityEvent("card.orphans", tags: new ActivityTagsCollection { ["card.cohort"] = cohort })); // clean hashes
            var bucket = HashCode.Combine(card) & 15;
            Activity.Current?.AddEvent(new ActivityEvent("card.bucket", tags: new ActivityTagsCollection { ["card.bucket"] = bucket })); // leak TC1002 hashes
            logger.LogDebug("Orphans on the card ending {LastFour}", card[^4..]); // clean precision-about
        }

        var violations = DataQuality.Check(journeys.Values.ToList(),
            new QualityRule<Journey>("card-luhn", "card_number", j => j.CardNumber, v => v is not null && PassesLuhn(v)),
            new QualityRule<Journey>("destination-known", "destination_stop", j => j.DestinationStop, v => v is not null));
        foreach (var violation in violations)
        {
            logger.LogWarning("Journey rule {Rule} failed on row {Row}", violation.Rule, violation.Row); // clean precision-about
            if (violation.Column == "destination_stop")
            {
                logger.LogWarning("Incomplete journey: {Violation}", violation); // clean logging-objects
            }
            else
            {
                logger.LogWarning("Bad card on a journey: {Violation}", violation); // leak TC1001 logging-objects
            }
        }
    }

    public void ReportRepricing(string runId, IReadOnlyList<Journey> before, IReadOnlyList<Journey> after)
    {
        using var span = source.StartCardmigRun(runId);
        foreach (var (old, repriced) in before.Zip(after))
        {
            var changes = RecordDiff.Changes(old, repriced).Where(c => c.Field != nameof(Journey.TapIds)).ToList();
            logger.LogInformation("Journey {JourneyId} repriced: {Changes}", old.JourneyId, changes); // clean logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("journey.repriced", tags: new ActivityTagsCollection { ["journey.id"] = old.JourneyId, ["fare.delta"] = repriced.Fare - old.Fare })); // clean precision-about
            if (repriced.Fare > old.Fare * 2)
            {
                logger.LogWarning("Fare more than doubled on {Journey}", repriced); // leak TC1001 logging-objects
                span.SetCardmigRule("fare-cap").SetCardmigOutcome("review"); // clean precision-names
            }
        }
    }

    private static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return sum % 10 == 0;
    }
}
