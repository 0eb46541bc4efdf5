namespace PrivacyHoldout142.Education;

/// <summary>
/// A turnstile tap as the campus access system publishes it on the <c>sportscentre.taps</c> topic, which is keyed by the
/// campus card's UID. Prints card UID, turnstile, centre, time, whether allowed and the reason code.
/// </summary>
public sealed record TurnstileTap(string CardUid, string Turnstile, string Centre, DateTimeOffset At, bool Allowed, string ReasonCode);

/// <summary>Traces and counts the sports centre's turnstile taps, and keeps the day's refusals for the duty manager's report.</summary>
public sealed class TurnstileEntryConsumer(
    IConsumer<string, TurnstileTap> consumer,
    IAccessController access,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TurnstileEntryConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _taps = meter.CreateCounter<long>("unisport.turnstile.taps", "{tap}");
    private readonly Dictionary<string, int> _refusalsByCard = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenToday = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var tap = result.Message.Value;
            var started = Stopwatch.GetTimestamp();
            using var span = source.StartUnisportOperation(tap.Centre);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            Activity.Current?.SetTag("unisport.turnstile", tap.Turnstile); // clean precision-names
            Activity.Current?.SetTag("unisport.turnstile.reason", tap.ReasonCode); // clean precision-about
            _taps.Add(1, new KeyValuePair<string, object?>("turnstile", tap.Turnstile), new("allowed", tap.Allowed)); // clean precision-names

            var membershipNumber = await access.MembershipForCardAsync(tap.CardUid, stoppingToken);
            if (membershipNumber is not null)
            {
                span.SetUnisportMemberId(pseudonymizer.PseudonymizeUnisportMemberId(membershipNumber)); // clean precision-pseudonym
                var firstVisitToday = _seenToday.Add(membershipNumber);
                Activity.Current?.SetTag("unisport.first_visit_today", firstVisitToday); // clean precision-about
                Activity.Current?.AddBaggage("unisport.member", pseudonymizer.ComputeUnisportMemberId(membershipNumber)); // clean precision-pseudonym
            }

            if (!tap.Allowed)
            {
                _refusalsByCard[tap.CardUid] = _refusalsByCard.GetValueOrDefault(tap.CardUid) + 1;
                logger.LogWarning("Refused {Tap}", tap); // leak TC1001 logging-objects
                logger.LogWarning("Refused at {Turnstile} for {ReasonCode}", tap.Turnstile, tap.ReasonCode); // clean precision-about
                var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tap.CardUid)))[..12];
                Activity.Current?.SetTag("unisport.refusal.card_key", cardKey); // leak TC1002 hashes
            }

            meter.CreateUnisportEntryDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, unisportCentre: tap.Centre); // clean generated-api
            consumer.Commit(result);
        }
    }

    public void ReportRefusals()
    {
        logger.LogInformation("Cards refused today: {Refusals}", _refusalsByCard); // leak TC1001 cross-member
        logger.LogInformation("Refused cards today: {Count}, members seen: {Seen}", _refusalsByCard.Count, _seenToday.Count); // clean precision-about
        foreach (var card in _refusalsByCard.Keys)
        {
            var bucket = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(card))[0] % 32;
            Activity.Current?.AddEvent(new ActivityEvent("unisport.refusal", tags: new ActivityTagsCollection { ["bucket"] = bucket })); // clean hashes
        }

        Activity.Current?.SetTag("unisport.refused.cards", string.Join(";", _refusalsByCard.Keys)); // leak TC1001 cross-member
    }
}
