namespace PrivacyHoldout151.Gaming;

/// <summary>Checks self-exclusion (the national scheme and the casino's own) before a session starts.</summary>
public sealed class SelfExclusionFilter(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SelfExclusionFilter> logger)
{
    private readonly HashSet<Guid> _excluded = new();
    private readonly Counter<long> _blocked = meter.CreateCounter<long>("selfexclusion.blocked");

    public void Exclude(Guid playerId, string scheme)
    {
        _excluded.Add(playerId);
        Activity.Current?.SetTag("selfexclusion.scheme", scheme); // clean precision-about
        Activity.Current?.SetTag("selfexclusion.player", pseudonymizer.PseudonymizePlaysafePlayerId(playerId.ToString()).Value); // clean precision-pseudonym
        logger.LogInformation("Player {Player} self-excluded under {Scheme}", pseudonymizer.ComputePlaysafePlayerId(playerId.ToString()), scheme); // clean precision-pseudonym
    }

    public void Check(Guid playerId, string studio)
    {
        using var span = source.StartPlaysafeOperation(studio);
        try
        {
            if (_excluded.Contains(playerId))
            {
                throw new SelfExcludedException(playerId);
            }
            span.SetPlaysafeOutcome("allowed"); // clean generated-api
        }
        catch (SelfExcludedException ex)
        {
            _blocked.Add(1, new KeyValuePair<string, object?>("studio", studio)); // clean precision-about
            _blocked.Add(1, new KeyValuePair<string, object?>("lane", HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] % 8)); // clean hashes
            span.SetPlaysafeOutcome("self-excluded"); // clean generated-api
            span.SetPlaysafeNote(ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Blocked a self-excluded player: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Blocked a self-excluded player ({ErrorType})", ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("selfexclusion.player.hash", HashCode.Combine(playerId, studio)); // leak TC1002 hashes
            throw;
        }
    }
}
