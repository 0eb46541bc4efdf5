namespace PrivacyHoldout131.Gaming;

public sealed record AffectedSession(Guid PlayerId, string Gamertag, string Region, string Platform, TimeSpan Lost, bool HadMatchInProgress);

public interface IGrantService
{
    Task GrantCurrencyAsync(Guid playerId, int coins, string reason, CancellationToken cancellationToken);
}

/// <summary>After a server outage, grants coins to the players whose matches were cut off, as a goodwill gesture.</summary>
public sealed partial class OutageGoodwillGrantJob(
    IGrantService grants,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<OutageGoodwillGrantJob> logger)
{
    private static readonly ActivitySource Source = new("Studio.LiveOps.Goodwill");
    private static readonly Meter Meter = new("Studio.LiveOps.Goodwill");
    private static readonly Counter<long> Granted = Meter.CreateCounter<long>("liveops.goodwill.granted");
    private readonly StorerefundCaseDurationHistogram _duration = Meter.CreateStorerefundCaseDurationHistogram();

    private Guid _lastGranted;

    public async Task RunAsync(string incidentId, IReadOnlyList<AffectedSession> sessions, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStorerefundCase(incidentId);
        span.SetStorerefundItemCount(sessions.Count); // clean precision-about
        logger.LogInformation("Goodwill for incident {IncidentId}: {Players} players in {Regions}", incidentId, sessions.Count, string.Join(",", sessions.Select(s => s.Region).Distinct())); // clean precision-names

        foreach (var session in sessions.Where(s => s.HadMatchInProgress))
        {
            var coins = session.Lost > TimeSpan.FromMinutes(30) ? 500 : 200;
            await grants.GrantCurrencyAsync(session.PlayerId, coins, $"outage {incidentId}", ct);
            _lastGranted = session.PlayerId;
            Granted.Add(coins, new KeyValuePair<string, object?>("platform", session.Platform), new KeyValuePair<string, object?>("region", session.Region)); // clean precision-names
            var sample = HMACSHA256.HashData(secrets.ShardKey, session.PlayerId.ToByteArray())[0] < 8;
            if (sample)
            {
                Activity.Current?.AddEvent(new ActivityEvent("goodwill.sampled", tags: new ActivityTagsCollection { ["coins"] = coins, ["sampled"] = sample })); // clean hashes
            }

            LogGrant(logger, session.Gamertag, coins); // leak TC1001 direct
        }

        var cohort = FirstCohort(sessions);
        Activity.Current?.SetTag("goodwill.top_cohort", cohort); // leak TC1002 hashes
        var names = sessions.OrderByDescending(s => s.Lost).Take(5).Select(s => s.Gamertag);
        span.SetStorerefundNote("Longest cut-offs: " + string.Join(", ", names)); // leak TC1001 generated-api
        span.SetStorerefundNote($"Granted to {sessions.Count(s => s.HadMatchInProgress)} of {sessions.Count} players"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "global"); // clean precision-names
        ReportLast();

        static string FirstCohort(IReadOnlyList<AffectedSession> all) =>
            all.Count == 0 ? "none" : (all[0].PlayerId.GetHashCode() % 10).ToString(CultureInfo.InvariantCulture);
    }

    private void ReportLast()
    {
        logger.LogDebug("Last grant went to {PlayerId}", _lastGranted); // leak TC1001 cross-member
        Activity.Current?.SetTag("goodwill.last_player", pseudonymizer.PseudonymizeStorerefundClaimantId(_lastGranted.ToString()).ToString()); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Granted goodwill to {Gamertag}: {Coins} coins")]
    private static partial void LogGrant(ILogger logger, string gamertag, int coins);
}
