namespace PrivacyHoldout137.Gaming;

/// <summary>A player's linked energy account, from the supplier's OAuth consent.</summary>
public sealed record LinkedEnergyAccount(Guid PlayerId, string Gamertag, string SupplierCode, string AccountNumber, string MeterSerial, DateTimeOffset LinkedAt);

/// <summary>A Power Down event: an hour in which players turn things off for in-game rewards.</summary>
public sealed record PowerDownEvent(string EventId, string Season, DateTimeOffset Start, DateTimeOffset End, int PointsPerKwh);

public sealed record ChallengeResult(string EventId, Guid PlayerId, decimal BaselineKwh, decimal ActualKwh, int Points);

public interface ILinkedAccountStore
{
    IAsyncEnumerable<LinkedEnergyAccount> ForEventAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>
/// After each Power Down event, reads the half-hourly profile of every linked smart meter, compares it with
/// the player's baseline and awards points and a leaderboard place.
/// </summary>
public sealed class PowerDownChallengeService(
    ILinkedAccountStore links,
    ISmartMeterGateway gateway,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PowerDownChallengeService> logger)
{
    private static readonly ActivitySource Source = new("Studio.LiveOps.PowerDown");
    private static readonly Meter Meter = new("Studio.LiveOps.PowerDown");
    private static readonly Histogram<double> SavedKwh = Meter.CreateHistogram<double>("powerdown.saved_kwh", "kWh");
    private static readonly Counter<long> ProfileFailures = Meter.CreateCounter<long>("powerdown.profile_failures");

    private ChallengeResult? _topResult;
    private string? _topGamertag;

    public async Task<IReadOnlyList<ChallengeResult>> ScoreAsync(PowerDownEvent powerDown, CancellationToken ct)
    {
        using var activity = Source.StartActivity("powerdown.score");
        activity?.SetTag("powerdown.event", powerDown.EventId);
        activity?.SetTag("powerdown.season", powerDown.Season); // clean precision-names

        var results = new List<ChallengeResult>();
        await foreach (var link in links.ForEventAsync(powerDown.EventId, ct))
        {
            using var span = Source.StartMeterreadSubmit("smart")
                .SetMeterreadAccountId(pseudonymizer.PseudonymizeMeterreadAccountId(link.AccountNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("player.cohort", HMACSHA256.HashData(secrets.ShardKey, link.PlayerId.ToByteArray())[0] % 10); // clean hashes
            span.Activity?.SetTag("player.bucket", (uint)link.PlayerId.GetHashCode() % 100); // leak TC1002 hashes
            span.Activity?.SetTag("supplier.code", link.SupplierCode);

            ConsumptionProfile profile;
            try
            {
                profile = await gateway.ReadProfileAsync(link.MeterSerial, DateOnly.FromDateTime(powerDown.Start.UtcDateTime), ct);
            }
            catch (DccRequestTimeoutException ex)
            {
                span.SetMeterreadOutcome("timeout").SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                ProfileFailures.Add(1, new KeyValuePair<string, object?>("service_request", ex.ServiceRequest)); // clean exceptions
                logger.LogWarning(ex, "No profile for {Gamertag} in {EventId}", link.Gamertag, powerDown.EventId); // leak TC1001 direct
                continue;
            }

            var during = profile.Intervals.Where(i => i.Start >= powerDown.Start && i.Start < powerDown.End).ToList();
            var actual = during.Sum(i => i.Kwh);
            var baseline = profile.Intervals.Where(i => i.Start.Hour == powerDown.Start.Hour).Average(i => i.Kwh) * during.Count;
            var points = (int)Math.Max(0, (baseline - actual) * powerDown.PointsPerKwh);

            span.SetMeterreadReadCount(during.Count).SetMeterreadOutcome("scored"); // clean precision-about
            span.Activity?.SetTag("powerdown.intervals_estimated", during.Count(i => i.Quality != "A")); // clean precision-about
            logger.LogDebug("Profile {Profile}", profile); // leak TC1001 logging-objects
            logger.LogDebug("Intervals in window {Intervals}", during); // clean logging-objects

            var result = new ChallengeResult(powerDown.EventId, link.PlayerId, baseline, actual, points);
            results.Add(result);
            SavedKwh.Record((double)(baseline - actual), new KeyValuePair<string, object?>("season", powerDown.Season)); // clean precision-about
            if (_topResult is null || points > _topResult.Points)
            {
                _topResult = result;
                _topGamertag = link.Gamertag;
            }
        }

        activity?.SetTag("powerdown.players_scored", results.Count); // clean precision-about
        logger.LogInformation("Scored {Count} players; results {Results}", results.Count, results); // leak TC1001 logging-objects
        return results;
    }

    public void AnnounceWinner(Activity? activity)
    {
        if (_topResult is null)
        {
            return;
        }

        activity?.AddEvent(new ActivityEvent("powerdown.winner", tags: new ActivityTagsCollection { ["points"] = _topResult.Points })); // clean cross-member
        activity?.AddEvent(new ActivityEvent("powerdown.winner.tag", tags: new ActivityTagsCollection { ["gamertag"] = _topGamertag })); // leak TC1001 cross-member
        logger.LogInformation("Winner of {EventId}: {PlayerId}", _topResult.EventId, _topResult.PlayerId); // leak TC1001 cross-member
    }
}
