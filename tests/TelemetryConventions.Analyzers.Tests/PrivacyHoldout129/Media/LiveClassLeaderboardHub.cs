namespace PrivacyHoldout129.Media;

public sealed record LiveClass(string ClassId, string Title, string InstructorStaffId, string InstructorName, DateTimeOffset StartsAt, int DurationMinutes);

public sealed record RiderOutput(Guid MemberId, string LeaderboardName, string? City, int Watts, int Cadence, int HeartRate, double OutputKj);

public sealed record ShoutOut(string ClassId, string InstructorStaffId, Guid MemberId, string LeaderboardName, string Reason);

/// <summary>Runs the live leaderboard of a streamed cycling class and the instructor's on-air shout-outs.</summary>
public sealed partial class LiveClassLeaderboardHub(Pseudonymizer pseudonymizer, ILogger<LiveClassLeaderboardHub> logger)
{
    private static readonly ActivitySource Source = new("RideCast.LiveBoard");
    private static readonly Meter Meter = new("RideCast.LiveBoard");
    private static readonly Histogram<int> Watts = Meter.CreateHistogram<int>("ridecast.live.watts", "W");
    private static readonly Counter<long> ShoutOuts = Meter.CreateCounter<long>("ridecast.live.shoutouts");

    [LoggerMessage(Level = LogLevel.Information, Message = "Shout-out in {ClassId} for {LeaderboardName}: {Reason}")]
    private static partial void LogShoutOut(ILogger logger, string classId, string leaderboardName, string reason);

    public void PublishTick(LiveClass liveClass, IReadOnlyList<RiderOutput> riders)
    {
        using var span = Source.StartRidecastSync(ridecastSource: "live-class");
        span.SetRidecastChallenge(liveClass.ClassId).SetRidecastSampleCount(riders.Count); // clean precision-about
        span.SetRidecastInstructorId(pseudonymizer.PseudonymizeRidecastInstructorId(liveClass.InstructorStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("class.title", liveClass.Title); // clean precision-names
        span.Activity?.SetTag("class.instructor", liveClass.InstructorName); // leak TC1001 cross-member

        foreach (var rider in riders)
        {
            Watts.Record(rider.Watts, new KeyValuePair<string, object?>("class", liveClass.ClassId)); // clean precision-names
        }

        var ranked = riders.OrderByDescending(r => r.OutputKj).ToList();
        span.Activity?.SetTag("board.leader_output_kj", ranked.FirstOrDefault()?.OutputKj); // clean precision-about
        span.Activity?.SetTag("board.leader", ranked.FirstOrDefault()?.LeaderboardName); // leak TC1001 cross-member
        span.Activity?.SetTag("board.top10", ranked.Take(10).Select(r => $"{r.LeaderboardName}:{r.OutputKj:F0}").ToArray()); // leak TC1001 strings
        span.Activity?.SetTag("board.cities", ranked.Select(r => r.City).Where(c => c is not null).Distinct().Count()); // clean precision-about
        logger.LogDebug("Tick for {ClassId}: {Riders} riders, median cadence {Cadence}", liveClass.ClassId, riders.Count, ranked.Select(r => r.Cadence).OrderBy(c => c).ElementAtOrDefault(riders.Count / 2)); // clean precision-about

        var overZone = ranked.Where(r => r.HeartRate > 185).ToList();
        if (overZone.Count > 0)
        {
            logger.LogWarning("Riders above 185 bpm: {Riders}", overZone); // leak TC1001 logging-objects
            logger.LogWarning("{Count} riders above 185 bpm in {ClassId}", overZone.Count, liveClass.ClassId); // clean precision-about
        }
    }

    public void ShoutOut(ShoutOut shoutOut)
    {
        using var span = Source.StartRidecastSync(ridecastSource: "live-class");
        LogShoutOut(logger, shoutOut.ClassId, shoutOut.LeaderboardName, shoutOut.Reason); // leak TC1001 logging-objects
        span.SetRidecastMemberId(pseudonymizer.PseudonymizeRidecastMemberId(shoutOut.MemberId.ToString())).SetRidecastNote(shoutOut.Reason); // clean generated-api
        ShoutOuts.Add(1, new KeyValuePair<string, object?>("instructor", shoutOut.InstructorStaffId)); // leak TC1003 direct
        ShoutOuts.Add(1, new KeyValuePair<string, object?>("reason", shoutOut.Reason)); // clean precision-names
        logger.LogInformation("Shout-out {ShoutOut}", shoutOut); // leak TC1001 logging-objects
    }
}
