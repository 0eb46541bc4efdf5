namespace PrivacyHoldout115.Gaming;

public sealed class OverrideConflictException(string gamertag, string flagKey, string existingVariant)
    : Exception($"{gamertag} already has an override on '{flagKey}' ({existingVariant})")
{
    public string FlagKey { get; } = flagKey;
}

public sealed record StreamerOverrideRequest(string FlagKey, string Variant, IReadOnlyList<string> Gamertags, string Campaign);

/// <summary>
/// Live-ops' named-player overrides: partnered streamers see a new season's content a day early, QA
/// accounts get debug menus. Gamertags are resolved to player ids and added as individual targets.
/// </summary>
public sealed class PlayerOverrideService(IFlagStore store, Pseudonymizer pseudonymizer, ILogger<PlayerOverrideService> logger)
{
    private static readonly ActivitySource Source = new("Studio.LiveOps.Overrides");
    private readonly List<string> _resolvedThisRun = new();
    private string _lastGamertag = "";

    public async Task ApplyAsync(StreamerOverrideRequest request, IReadOnlyDictionary<string, Guid> playerIdsByGamertag, string liveOpsStaffId, CancellationToken ct)
    {
        using var span = Source.StartGameflagChange(request.FlagKey).SetGameflagOperatorId(pseudonymizer.PseudonymizeGameflagOperatorId(liveOpsStaffId)); // clean precision-pseudonym
        var existing = (await store.GetOverridesAsync(request.FlagKey, ct)).ToDictionary(o => o.SubjectKey, o => o.Variant);
        foreach (var gamertag in request.Gamertags)
        {
            _lastGamertag = gamertag;
            var playerId = playerIdsByGamertag[gamertag];
            try
            {
                if (existing.TryGetValue(playerId.ToString(), out var variant) && variant != request.Variant)
                {
                    throw new OverrideConflictException(gamertag, request.FlagKey, variant);
                }
                await store.SaveOverrideAsync(new FlagOverride(request.FlagKey, playerId.ToString(), request.Variant, liveOpsStaffId, DateTimeOffset.UtcNow.AddDays(3)), ct);
                _resolvedThisRun.Add(gamertag);
            }
            catch (OverrideConflictException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.SetGameflagNote(ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Override conflict on {Flag}: {Type}", ex.FlagKey, nameof(OverrideConflictException)); // clean exceptions
                LogConflict();
            }
        }

        span.SetGameflagOutcome("overridden").SetGameflagNote($"campaign {request.Campaign}: {_resolvedThisRun.Count} players"); // clean generated-api
        Activity.Current?.SetTag("overrides.players", string.Join(";", _resolvedThisRun)); // leak TC1001 strings
        Activity.Current?.SetTag("overrides.campaign", request.Campaign); // clean precision-names
        Activity.Current?.SetTag("overrides.ids_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(playerIdsByGamertag.Values))))); // leak TC1002 hashes
        logger.LogInformation("Streamer overrides for {Flag}: {Summary}", request.FlagKey, $"{request.Variant} -> {string.Join(", ", request.Gamertags)}"); // leak TC1001 strings
        logger.LogInformation("Streamer overrides for {Flag}: {Count} players, campaign {Campaign}", request.FlagKey, request.Gamertags.Count, request.Campaign); // clean strings
    }

    private void LogConflict() =>
        logger.LogWarning("Override conflict for {Gamertag}", _lastGamertag); // leak TC1001 cross-member
}
