namespace PrivacyHoldout85.Gaming;

public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Region, int Level, string? Bio);

public sealed record MatchSummary(Guid MatchId, string MapCode, string Mode, int DurationSeconds, IReadOnlyList<Guid> PlayerIds);

public sealed record ReportPlayerInput(string ReportedGamertag, string Category, string Description, Guid? MatchId);

public sealed class GamertagNotFoundException(string gamertag) : Exception($"No player with gamertag '{gamertag}'.")
{
    public string Gamertag { get; } = gamertag;
}

public interface IPlayerDirectory
{
    Task<PlayerProfile?> ByGamertagAsync(string gamertag, CancellationToken cancellationToken);

    Task<IReadOnlyList<MatchSummary>> RecentMatchesAsync(Guid playerId, int take, CancellationToken cancellationToken);
}

[QueryType]
public sealed class PlayerQueries(IPlayerDirectory players, Pseudonymizer pseudonymizer, ILogger<PlayerQueries> logger)
{
    public async Task<PlayerProfile> GetPlayerAsync(string gamertag, IResolverContext context)
    {
        Activity.Current?.SetTag("play.lookup.gamertag", gamertag); // leak TC1001 direct
        var profile = await players.ByGamertagAsync(gamertag, context.RequestAborted) ?? throw new GamertagNotFoundException(gamertag);
        Activity.Current.EnrichPlaygqlOperation(context.Operation.Name).SetPlaygqlPlayerId(pseudonymizer.PseudonymizePlaygqlPlayerId(profile.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Profile region {Region}, level {Level}", profile.Region, profile.Level); // clean precision-about
        Activity.Current?.SetTag("play.profile.bio_length", profile.Bio?.Length ?? 0); // clean precision-about
        logger.LogTrace("Profile {Profile}", profile); // leak TC1001 logging-objects
        return profile;
    }

    [Cost(50)]
    public async Task<IReadOnlyList<MatchSummary>> GetRecentMatchesAsync([Parent] PlayerProfile player, int first, IResolverContext context)
    {
        var matches = await players.RecentMatchesAsync(player.PlayerId, Math.Min(first, 25), context.RequestAborted);
        logger.LogInformation("Match history of {PlayerId}: {Count} matches", player.PlayerId, matches.Count); // leak TC1001 direct
        logger.LogDebug("Maps {Maps}, modes {Modes}", matches.Select(m => m.MapCode).Distinct(), matches.Select(m => m.Mode).Distinct()); // clean precision-about
        if (matches.Count > 0)
        {
            logger.LogTrace("Latest match {Match}", matches[0]); // clean logging-objects
            Activity.Current?.SetTag("play.match.squad", string.Join(",", matches[0].PlayerIds)); // leak TC1001 strings
        }

        return matches;
    }
}

/// <summary>Field middleware on <c>Player</c>: logs slow resolvers with what they returned.</summary>
public sealed class SlowFieldMiddleware(FieldDelegate next, ILogger<SlowFieldMiddleware> logger)
{
    public async ValueTask InvokeAsync(IMiddlewareContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > TimeSpan.FromMilliseconds(250))
        {
            logger.LogWarning("Slow field {Coordinate} ({Elapsed} ms) at {Path}", context.Selection.Field.Coordinate, elapsed.TotalMilliseconds, context.Path); // clean precision-names
            logger.LogDebug("Slow field returned {Result}", context.Result); // leak TC1001 logging-objects
        }
    }
}

[MutationType]
public sealed partial class ModerationMutations(ILogger<ModerationMutations> logger, Meter meter)
{
    private readonly Counter<long> _reports = meter.CreateCounter<long>("play.moderation.reports");
    private readonly List<ReportPlayerInput> _recent = new();

    public bool ReportPlayer(ReportPlayerInput input, IResolverContext context)
    {
        _reports.Add(1, new KeyValuePair<string, object?>("category", input.Category)); // clean precision-about
        ReportReceived(logger, input.Category, input.ReportedGamertag, input.MatchId); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("play.report", tags: new ActivityTagsCollection { ["category"] = input.Category, ["text"] = input.Description })); // leak TC1001 direct
        lock (_recent)
        {
            _recent.Add(input);
        }

        return true;
    }

    public void FlushDigest()
    {
        lock (_recent)
        {
            logger.LogInformation("Reports since last digest: {Reports}", _recent); // leak TC1001 cross-member
            logger.LogInformation("Report categories since last digest: {Categories}", _recent.GroupBy(r => r.Category).Select(g => $"{g.Key}={g.Count()}")); // clean precision-about
            _recent.Clear();
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Report {Category} against {Gamertag} in match {MatchId}")]
    private static partial void ReportReceived(ILogger logger, string category, string gamertag, Guid? matchId);
}

public sealed class PlayerErrorFilter(ILogger<PlayerErrorFilter> logger) : IErrorFilter
{
    public IError OnError(IError error)
    {
        if (error.Exception is GamertagNotFoundException notFound)
        {
            logger.LogInformation("Lookup miss: {Reason}", notFound.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", nameof(GamertagNotFoundException)); // clean exceptions
            return error.WithMessage("Player not found").WithCode(ErrorCodes.NotFound).RemoveException();
        }

        return error;
    }
}
