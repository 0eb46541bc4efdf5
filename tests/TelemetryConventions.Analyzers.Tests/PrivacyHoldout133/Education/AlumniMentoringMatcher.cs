namespace PrivacyHoldout133.Education;

/// <summary>Pairs Year 12 students with alumni mentors each term and confirms the pairs.</summary>
public sealed partial class AlumniMentoringMatcher(
    IMatchingEngine engine,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AlumniMentoringMatcher> logger)
{
    private static readonly ActivitySource Source = new("Trust.Mentoring");
    private static readonly Meter Meter = new("Trust.Mentoring");
    private static readonly Histogram<double> MatchScore = Meter.CreateHistogram<double>("trust.mentoring.match.score");

    private readonly Dictionary<string, int> _menteesPerMentor = new();

    public Mentor? BusiestMentor { get; private set; }

    public async Task<MatchRunSummary> RunAsync(string programme, string cohort, IReadOnlyDictionary<string, Mentor> mentors, CancellationToken cancellationToken)
    {
        using var span = Source.StartBursaryTask(bursaryProgramme: programme);
        span.SetBursarySite(cohort); // clean precision-about
        IReadOnlyList<MentoringMatch> proposals;
        try
        {
            proposals = await engine.ProposeAsync(programme, cohort, cancellationToken);
        }
        catch (NoMentorAvailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "No mentors for {Programme}/{Cohort}", programme, cohort); // clean exceptions
            return new MatchRunSummary(programme, cohort, 0, 0);
        }

        var confirmed = 0;
        foreach (var match in proposals.OrderByDescending(m => m.Score))
        {
            MatchScore.Record(match.Score, new KeyValuePair<string, object?>("programme", programme)); // clean precision-about
            if (match.Score < 0.6)
            {
                logger.LogDebug("Weak match {Match}", match); // leak TC1001 logging-objects
                continue;
            }

            try
            {
                await engine.ConfirmAsync(match.MatchId, cancellationToken);
                confirmed++;
                _menteesPerMentor[match.MentorId] = _menteesPerMentor.GetValueOrDefault(match.MentorId) + 1;
                span.Activity?.AddEvent(new ActivityEvent("match.confirmed", tags: new ActivityTagsCollection { ["match.id"] = match.MatchId, ["score"] = match.Score })); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("match.mentee", tags: new ActivityTagsCollection { ["mentee"] = match.MenteeId })); // leak TC1001 direct
                span.SetBursaryMentorId(pseudonymizer.PseudonymizeBursaryMentorId(match.MentorId)); // clean precision-pseudonym
            }
            catch (SafeguardingHoldException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Match {MatchId} held by safeguarding ({Exception})", match.MatchId, ex.GetType().Name); // clean exceptions
            }
        }

        var busiest = _menteesPerMentor.OrderByDescending(p => p.Value).FirstOrDefault();
        BusiestMentor = mentors.GetValueOrDefault(busiest.Key ?? string.Empty);
        var summary = new MatchRunSummary(programme, cohort, confirmed, proposals.Count - confirmed);
        logger.LogInformation("Matching run {@Summary}", summary); // clean logging-objects
        span.SetBursaryCount(confirmed); // clean precision-about
        return summary;
    }

    public void ReportCapacity()
    {
        using var activity = Source.StartActivity("mentoring.capacity");
        activity?.SetTag("mentoring.mentors.active", _menteesPerMentor.Count); // clean precision-about
        activity?.SetTag("mentoring.busiest.load", _menteesPerMentor.Values.DefaultIfEmpty().Max()); // clean precision-about
        activity?.SetTag("mentoring.busiest.name", BusiestMentor?.DisplayName); // leak TC1001 cross-member
        activity?.SetTag("mentoring.mentors", string.Join(",", _menteesPerMentor.Keys)); // leak TC1001 cross-member
        activity?.SetTag("mentoring.busiest.cohort", CohortOf(BusiestMentor?.MentorId ?? "")); // clean hashes
        activity?.SetTag("mentoring.busiest.digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(BusiestMentor?.Email ?? "")))[..10]); // leak TC1002 hashes
        LogBusiest(logger, BusiestMentor?.Email ?? "none"); // leak TC1001 cross-member
    }

    private string CohortOf(string mentorId) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(mentorId)))[..2];

    [LoggerMessage(Level = LogLevel.Information, Message = "Busiest mentor is {MentorEmail}")]
    private static partial void LogBusiest(ILogger logger, string mentorEmail);
}
