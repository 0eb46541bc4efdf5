namespace PrivacyHoldout164.Gaming;

public sealed record MatchResult(Guid MatchId, string HomeTeam, string AwayTeam, string Map, int HomeScore, int AwayScore, string MvpGamertag, IReadOnlyList<string> Roster);

public sealed record ConductReport(Guid ReportId, Guid MatchId, string ReportedGamertag, string ReporterStudentNumber, string ChatExcerpt);

/// <summary>Reads finished league matches and conduct reports and updates the standings.</summary>
public sealed class CampusMatchResultWorker(
    IQueueReceiver<MatchResult> results,
    IQueueReceiver<ConductReport> reports,
    Pseudonymizer pseudonymizer,
    ILogger<CampusMatchResultWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Publisher.Esports.Matches");
    private static readonly Meter Meter = new("Publisher.Esports.Matches");
    private static readonly Counter<long> Matches = Meter.CreateCounter<long>("league.matches");
    private readonly Dictionary<string, int> _mvpCounts = new();
    private readonly List<Guid> _disputedMatches = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await results.ReceiveAsync(stoppingToken) is { } result)
            {
                Record(result);
            }

            if (await reports.ReceiveAsync(stoppingToken) is { } report)
            {
                Review(report);
            }
        }
    }

    private void Record(MatchResult result)
    {
        using var activity = Source.StartActivity("league.match");
        activity?.SetTag("match.id", result.MatchId); // clean precision-names
        activity?.SetTag("match.map", result.Map); // clean direct
        activity?.SetTag("match.score", $"{result.HomeTeam} {result.HomeScore}-{result.AwayScore} {result.AwayTeam}"); // clean strings
        activity?.SetTag("match.mvp", result.MvpGamertag); // leak TC1001 direct
        activity?.SetTag("match.roster", string.Join(";", result.Roster)); // leak TC1001 strings
        activity?.SetTag("match.roster_size", result.Roster.Count); // clean precision-about
        _mvpCounts[result.MvpGamertag] = _mvpCounts.GetValueOrDefault(result.MvpGamertag) + 1;
        logger.LogInformation("Match {MatchId} on {Map}: {Home} v {Away}", result.MatchId, result.Map, result.HomeTeam, result.AwayTeam); // clean direct
        logger.LogInformation("Match recorded {@Result}", result); // leak TC1001 logging-objects
        Matches.Add(1, new KeyValuePair<string, object?>("map", result.Map), new KeyValuePair<string, object?>("mvp", pseudonymizer.ComputeUniesportsStudentId(result.MvpGamertag))); // leak TC1003 precision-pseudonym
    }

    private void Review(ConductReport report)
    {
        using var span = Source.StartUniesportsOperation("campus-league");
        span.SetUniesportsStudentId(pseudonymizer.PseudonymizeUniesportsStudentId(report.ReporterStudentNumber)); // clean generated-api
        span.SetUniesportsNote(report.ChatExcerpt); // leak TC1001 generated-api
        span.SetUniesportsNote($"chat excerpt of {report.ChatExcerpt.Length} chars"); // clean generated-api
        _disputedMatches.Add(report.MatchId);
        logger.LogUniesportsOperationFailedEvent("campus-league", "conduct-report", default, $"report against {report.ReportedGamertag}"); // leak TC1001 generated-api
        Activity.Current?.AddEvent(new ActivityEvent("conduct.reported", tags: new ActivityTagsCollection { ["report.id"] = report.ReportId, ["match.id"] = report.MatchId })); // clean precision-names
    }

    public void PublishStandings()
    {
        var topMvp = _mvpCounts.OrderByDescending(p => p.Value).FirstOrDefault();
        logger.LogInformation("Most MVPs: {Gamertag} with {Count}", topMvp.Key, topMvp.Value); // leak TC1001 cross-member
        logger.LogInformation("Most MVPs this week: {Count}", topMvp.Value); // clean cross-member
        logger.LogInformation("Disputed matches: {Matches}", string.Join(",", _disputedMatches)); // clean cross-member
    }
}
