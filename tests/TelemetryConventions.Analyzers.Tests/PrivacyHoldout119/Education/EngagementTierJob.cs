namespace PrivacyHoldout119.Education;

/// <summary>A student's engagement over the term: sessions booked, societies, volunteering.</summary>
public sealed record EngagementScore(string StudentNumber, string PreferredName, int Score, string Faculty);

public interface IEngagementStore
{
    Task<IReadOnlyList<EngagementScore>> ScoresAsync(string term, CancellationToken cancellationToken = default);

    Task SaveTierAsync(TierChange change, CancellationToken cancellationToken = default);
}

/// <summary>Re-tiers campus rewards members at the end of each term from their engagement score.</summary>
public sealed partial class EngagementTierJob(
    IEngagementStore store,
    IMemberDirectory members,
    Pseudonymizer pseudonymizer,
    ILogger<EngagementTierJob> logger)
{
    private const string Programme = "campus-rewards";
    private static readonly ActivitySource Source = new("University.CampusCard.Tiers");
    private static readonly Meter Meter = new("University.CampusCard.Tiers");
    private static readonly Counter<int> TierMoves = Meter.CreateCounter<int>("campusrwd.tier.moves");

    public async Task RunAsync(string term, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampusrwdAccrue(Programme);
        span.Activity?.SetTag("campus.term", term); // clean precision-names
        var tiers = (await members.TiersAsync(Programme, cancellationToken)).OrderByDescending(t => t.Threshold).ToList();
        logger.LogInformation("Tiers for {Term}: {Tiers}", term, string.Join(", ", tiers)); // clean logging-objects
        var scores = await store.ScoresAsync(term, cancellationToken);
        span.SetCampusrwdEntryCount(scores.Count); // clean precision-about

        var moves = new List<TierChange>();
        foreach (var score in scores)
        {
            var tier = tiers.First(t => score.Score >= t.Threshold || t == tiers[^1]);
            var member = await members.FindAsync(score.StudentNumber, cancellationToken);
            if (member is null || member.TierCode == tier.Code)
            {
                continue;
            }

            var change = new TierChange(score.StudentNumber, member.TierCode, tier.Code, "term-engagement", DateTimeOffset.UtcNow);
            await store.SaveTierAsync(change, cancellationToken);
            moves.Add(change);
            TierMoves.Add(1, new KeyValuePair<string, object?>("from", change.FromTier), new KeyValuePair<string, object?>("to", change.ToTier)); // clean precision-names
            LogTierMove(logger, score.StudentNumber, change.FromTier, change.ToTier); // leak TC1001 direct
            LogTierMoveRedacted(logger, score.StudentNumber, change.ToTier); // clean precision-names
            if (tier.Code == "platinum")
            {
                span.Activity?.AddEvent(new ActivityEvent("campusrwd.platinum", tags: new ActivityTagsCollection { ["student"] = score.PreferredName, ["faculty"] = score.Faculty })); // leak TC1001 direct
            }
        }

        var topMovers = scores.OrderByDescending(s => s.Score).Take(5).Select(s => $"{s.PreferredName} ({s.Score})");
        logger.LogInformation("Most engaged this term: {TopMovers}", string.Join("; ", topMovers)); // leak TC1001 strings
        logger.LogInformation("Top scores this term: {Scores}", string.Join(", ", scores.OrderByDescending(s => s.Score).Take(5).Select(s => s.Score))); // clean precision-about
        logger.LogInformation("Tier moves: {Moves}", moves); // leak TC1001 logging-objects
        logger.LogInformation("First move: {Move}", moves.FirstOrDefault()); // leak TC1001 logging-objects
        span.SetCampusrwdNote($"{moves.Count} moves; faculties {string.Join(",", moves.Select(m => scores.First(s => s.StudentNumber == m.MemberNumber).Faculty).Distinct())}"); // clean generated-api
        span.SetCampusrwdAgentId(pseudonymizer.PseudonymizeCampusrwdAgentId("system-tiering")); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Student {StudentNumber} moved from {From} to {To}")]
    private static partial void LogTierMove(ILogger logger, string studentNumber, string from, string to);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Student {StudentNumber} moved to {To}")]
    private static partial void LogTierMoveRedacted(ILogger logger, [PrivateData] string studentNumber, string to);
}
