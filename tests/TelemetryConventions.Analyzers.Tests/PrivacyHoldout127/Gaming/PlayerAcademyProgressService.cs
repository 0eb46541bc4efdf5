namespace PrivacyHoldout127.Gaming;

public sealed record LessonFinished(Guid PlayerId, string Gamertag, string Email, string Title, string Region, string CourseCode, string Lesson, int Stars, TimeSpan Time);

/// <summary>The player academy: tutorial and ranked-readiness lessons, with a badge when a course is finished.</summary>
public sealed class PlayerAcademyProgressService(IRemoteLrs lrs, TrainingOptions options, Pseudonymizer pseudonymizer, ILogger<PlayerAcademyProgressService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Academy");
    private static readonly Meter Meter = new("Studio.Academy");
    private readonly AcademyCompletionsCounter _completions = Meter.CreateAcademyCompletionsCounter();
    private readonly AcademyRecordDurationHistogram _duration = Meter.CreateAcademyRecordDurationHistogram();
    private static readonly Histogram<int> Stars = Meter.CreateHistogram<int>("academy.lesson.stars");

    public async Task LessonFinishedAsync(LessonFinished e, CancellationToken ct)
    {
        var player = pseudonymizer.PseudonymizeAcademyPlayerId(e.PlayerId.ToString());
        using var span = Source.StartAcademyRecord(e.CourseCode)
            .SetAcademyLesson(e.Lesson) // clean precision-names
            .SetAcademyTitle(e.Title)
            .SetAcademyRegion(e.Region) // clean precision-names
            .SetAcademyPlayerId(player); // clean precision-pseudonym
        span.Activity?.SetTag("academy.gamertag", e.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("academy.gamertag.length", e.Gamertag.Length); // clean precision-about
        Stars.Record(e.Stars, new("lesson", e.Lesson), new("title", e.Title)); // clean precision-names
        _duration.Record(e.Time.TotalSeconds, e.CourseCode, e.Lesson); // clean precision-about
        _completions.Add(1, e.CourseCode, player.Value); // leak TC1003 precision-pseudonym

        var statement = new Statement
        {
            Actor = new Agent { Account = new AgentAccount { HomePage = options.AccountHomePage, Name = e.PlayerId.ToString() } },
            Verb = Verb.Completed,
            Target = new LearningActivity(new Uri(options.AccountHomePage, $"academy/{e.CourseCode}/{e.Lesson}")),
        };
        var response = await lrs.SaveStatementAsync(statement, ct);
        logger.LogDebug("Lesson statement {StatementId} stored: {Stored}", statement.Id, response.Success); // clean precision-names
        logger.LogDebug("Lesson finished {@Lesson}", e); // leak TC1001 logging-objects
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "{0} finished {1}", e.Gamertag, e.Lesson)); // leak TC1001 strings
        span.Activity?.SetTag("academy.statement.target", statement.Target.Id.ToString()); // clean precision-names
        span.Activity?.SetTag("academy.statement.actor", statement.Actor.Account.Name); // leak TC1001 cross-member
    }

    /// <summary>Awards the ranked-ready badge with the player's email hashed into the assertion, as Open Badges asks.</summary>
    public BadgeAssertion AwardBadge(LessonFinished e, Uri badgeClass)
    {
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var identity = "sha256$" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(e.Email + salt))).ToLowerInvariant();
        var assertion = new BadgeAssertion(new Uri($"https://badges.example.org/a/{Guid.NewGuid()}"), badgeClass, new IdentityObject("email", true, identity, salt), DateTimeOffset.UtcNow);
        Activity.Current?.SetTag("academy.badge.class", badgeClass.ToString()); // clean precision-names
        Activity.Current?.SetTag("academy.badge.assertion", assertion.Id.ToString()); // clean precision-names
        Activity.Current?.SetTag("academy.badge.recipient", identity); // leak TC1002 hashes
        logger.LogInformation("Awarded badge to {Email}", e.Email); // leak TC1001 direct
        logger.LogInformation("Awarded badge on {Title} in {Region}", e.Title, e.Region); // clean precision-names
        return assertion;
    }
}
