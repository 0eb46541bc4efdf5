namespace PrivacyHoldout129.Transport;

public sealed record CommuteTeam(string TeamId, string Employer, IReadOnlyList<Guid> RiderIds);

public sealed record SegmentTime(Guid RiderId, string RiderHandle, long SegmentId, int Seconds, bool PersonalBest);

public interface ICommuteChallengeStore
{
    Task<IReadOnlyList<CommuteTeam>> TeamsAsync(string challengeId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SegmentTime>> CyclewayTimesAsync(long segmentId, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The transport authority's employer commute challenge: teams log trips on foot, by bike and by bus, and the new cycleway segments have daily times.</summary>
public sealed partial class CommuteChallengeService(
    ICommuteChallengeStore store,
    ILeaderboardStore boards,
    Pseudonymizer pseudonymizer,
    ILogger<CommuteChallengeService> logger)
{
    private static readonly ActivitySource Source = new("ActiveTravel.Challenge");
    private static readonly Meter Meter = new("ActiveTravel.Challenge");
    private static readonly Histogram<int> CyclewaySeconds = Meter.CreateHistogram<int>("activetravel.cycleway.seconds", "s");
    private static readonly Counter<long> PersonalBests = Meter.CreateCounter<long>("activetravel.cycleway.personal_bests");

    [LoggerMessage(Level = LogLevel.Information, Message = "Fastest on segment {SegmentId} today: {Handle} in {Seconds}s")]
    private static partial void LogFastest(ILogger logger, long segmentId, string handle, int seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Team {TeamId} of {Employer} has riders {Riders}")]
    private static partial void LogTeam(ILogger logger, string teamId, string employer, IReadOnlyList<Guid> riders);

    public async Task DailyAsync(string challengeId, long cyclewaySegmentId, CancellationToken cancellationToken)
    {
        using var span = Source.StartActivecommuteSync(activecommuteSource: "commute-app");
        span.SetActivecommuteChallenge(challengeId); // clean precision-names
        span.Activity?.SetTag("cycleway.segment", cyclewaySegmentId); // clean precision-names

        var teams = await store.TeamsAsync(challengeId, cancellationToken);
        foreach (var team in teams)
        {
            LogTeam(logger, team.TeamId, team.Employer, team.RiderIds); // leak TC1001 logging-objects
            logger.LogDebug("Team {TeamId} of {Employer}: {Size} riders", team.TeamId, team.Employer, team.RiderIds.Count); // clean precision-about
            logger.LogDebug("Team {Team}", team); // clean logging-objects
        }

        var times = await store.CyclewayTimesAsync(cyclewaySegmentId, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        foreach (var time in times)
        {
            CyclewaySeconds.Record(time.Seconds, new KeyValuePair<string, object?>("segment", time.SegmentId)); // clean precision-names
            if (time.PersonalBest)
            {
                PersonalBests.Add(1, new KeyValuePair<string, object?>("rider", time.RiderHandle)); // leak TC1003 cross-member
            }
        }

        var fastest = times.MinBy(t => t.Seconds);
        if (fastest is not null)
        {
            LogFastest(logger, fastest.SegmentId, fastest.RiderHandle, fastest.Seconds); // leak TC1001 logging-objects
            span.Activity?.SetTag("cycleway.fastest_seconds", fastest.Seconds); // clean precision-about
            span.Activity?.SetTag("cycleway.fastest", pseudonymizer.PseudonymizeActivecommuteRiderId(fastest.RiderId.ToString()).Value); // clean precision-pseudonym
            span.Activity?.SetTag("cycleway.fastest_ref", fastest.RiderId.GetHashCode()); // leak TC1002 hashes
            span.Activity?.SetBaggage("activetravel.rider", fastest.RiderId.ToString()); // leak TC1001 direct
        }

        var board = await boards.TopAsync(challengeId, 10, cancellationToken);
        logger.LogInformation("Top teams {Teams}", board.Entries.Select(e => $"{e.Rank}. {e.ParticipantId} {e.Value:F0} km")); // clean precision-names
        logger.LogInformation("Board of {Size} teams, leader on {Value} km", board.Size, board.Entries.FirstOrDefault()?.Value); // clean precision-about
        span.SetActivecommuteSampleCount(times.Count).SetActivecommuteNote($"{times.Count(t => t.PersonalBest)} personal bests on {cyclewaySegmentId}"); // clean generated-api
    }
}
