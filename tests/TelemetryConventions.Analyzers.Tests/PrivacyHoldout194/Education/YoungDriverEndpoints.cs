namespace PrivacyHoldout194.Education;

/// <summary>
/// A university's young driver cover for students who drive home at weekends: weekly scores, the
/// night-driving curfew, and the parent named on the policy.
/// </summary>
public static partial class YoungDriverEndpoints
{
    private static readonly ActivitySource Source = new("Campus.YoungDrivers");
    private static readonly Meter Meter = new("Campus.YoungDrivers");
    private static readonly Histogram<double> NightMinutes = Meter.CreateHistogram<double>("learnerbox.night_minutes");

    public sealed record StudentDriver(string StudentNumber, string PolicyNumber, string FullName, string Email, string ParentEmail, string Campus, int YearOfStudy);

    public sealed record CurfewBreach(string StudentNumber, string JourneyId, int MinutesAfterCurfew, double Latitude, double Longitude);

    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/young-drivers/{studentNumber}/week", WeeklyAsync);
        routes.MapPost("/young-drivers/curfew-breaches", CurfewBreachAsync);
    }

    private static async Task<object> WeeklyAsync(
        string studentNumber,
        DateOnly week,
        IJourneyStore journeys,
        IScoringEngine scoring,
        Func<string, StudentDriver> directory,
        Pseudonymizer pseudonymizer,
        ILogger<StudentDriver> logger,
        CancellationToken cancellationToken)
    {
        var student = directory(studentNumber);
        using var activity = Source.StartActivity("young_driver.week");
        activity?.SetTag("student.number", studentNumber); // leak TC1001 direct
        activity?.SetTag("student.campus", student.Campus); // clean precision-about
        activity?.SetTag("student.year_of_study", student.YearOfStudy); // clean precision-about
        activity?.SetTag("student.email_domain", student.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("student.email", student.Email); // leak TC1001 direct

        var list = await journeys.GetJourneysAsync(student.PolicyNumber, week, cancellationToken);
        var score = await scoring.ScoreAsync(student.PolicyNumber, list, cancellationToken);
        var band = scoring.BandFor(score.Score);
        activity?.SetTag("score.value", score.Score); // clean precision-about
        activity?.SetTag("score.band", band.Band); // clean precision-about
        activity?.SetTag("score.discount_percent", (double)band.DiscountPercent); // clean precision-about
        activity?.SetTag("journey.count", list.Count); // clean precision-about
        activity?.SetTag("journey.ids", string.Join(",", list.Select(j => j.JourneyId))); // clean precision-names
        activity?.SetTag("journey.first_start", $"{list[0].StartLatitude:F5},{list[0].StartLongitude:F5}"); // leak TC1001 strings
        logger.LogInformation("Weekly score {Score}", score); // leak TC1001 logging-objects
        logger.LogInformation("Weekly score {Summary}", new JourneySummary(list[0].JourneyId, list.Sum(j => j.Miles), score.HarshBrakes, score.NightMinutes, score.Score)); // clean logging-objects
        logger.LogInformation("Week scored {@Result}", new { score.Week, score.Score, band.Band }); // clean logging-objects
        logger.LogInformation("Week scored {@Result}", new { score.Week, student.FullName, score.Score }); // leak TC1001 logging-objects
        NightMinutes.Record(score.NightMinutes, new KeyValuePair<string, object?>("campus", student.Campus)); // clean precision-about
        NightMinutes.Record(score.NightMinutes, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeLearnerboxClientId(studentNumber))); // leak TC1003 precision-pseudonym

        using var span = Source.StartLearnerboxOperation(student.Campus); // clean generated-api
        span.SetLearnerboxClientId(pseudonymizer.PseudonymizeLearnerboxClientId(studentNumber)); // clean generated-api
        span.SetLearnerboxMinutes(score.NightMinutes); // clean generated-api
        span.SetLearnerboxOutcome("scored"); // clean generated-api
        span.SetLearnerboxNote($"{student.FullName} scored {score.Score}"); // leak TC1001 generated-api
        return new { score.Week, score.Score, band.Band };
    }

    private static async Task<object> CurfewBreachAsync(
        CurfewBreach breach,
        Func<string, StudentDriver> directory,
        ISmsSender sms,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        ILogger<StudentDriver> logger,
        CancellationToken cancellationToken)
    {
        var student = directory(breach.StudentNumber);
        var driver = pseudonymizer.ComputeLearnerboxClientId(breach.StudentNumber);
        using var activity = Source.StartActivity("young_driver.curfew_breach");
        activity?.SetTag("student.pseudonym", driver); // clean precision-pseudonym
        activity?.SetTag("journey.id", breach.JourneyId); // clean precision-names
        activity?.SetTag("curfew.minutes_after", breach.MinutesAfterCurfew); // clean precision-about
        activity?.SetTag("curfew.breach_area", Math.Round(breach.Latitude, 1)); // clean precision-about
        activity?.SetTag("curfew.breach_longitude", breach.Longitude); // leak TC1001 direct
        Baggage.SetBaggage("young_driver.pseudonym", driver); // clean precision-pseudonym
        Baggage.SetBaggage("young_driver.student", breach.StudentNumber); // leak TC1001 direct
        activity?.SetTag("parent.email_hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(student.ParentEmail)))); // leak TC1002 hashes
        activity?.SetTag("parent.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(student.ParentEmail))[0] % 8); // clean hashes
        activity?.SetTag(LearnerboxAttributes.Contact, student.ParentEmail); // leak TC1001 generated-api

        var text = new StringBuilder("Curfew breach by ").Append(student.FullName).Append(" on journey ").Append(breach.JourneyId).ToString();
        await sms.SendAsync(student.ParentEmail, text, cancellationToken);
        logger.LogWarning("Parent notified: {Text}", text); // leak TC1001 strings
        logger.LogWarning("Parent notified of journey {JourneyId}, {Minutes} minutes after curfew", breach.JourneyId, breach.MinutesAfterCurfew); // clean precision-names
        LogBreach(logger, breach.JourneyId, breach.StudentNumber); // clean logging-objects
        logger.LogWarning("Curfew breach {Breach}", breach); // leak TC1001 logging-objects
        Meter.CreateLearnerboxOperationsCounter().Add(1, student.Campus, learnerboxOutcome: "notified"); // clean generated-api
        Meter.CreateLearnerboxOperationsCounter().Add(1, student.Email, learnerboxOutcome: "notified"); // leak TC1003 generated-api
        return new { breach.JourneyId, notified = true };
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Curfew breach on {JourneyId} by {StudentNumber}")]
    private static partial void LogBreach(ILogger logger, string journeyId, [PrivateData] string studentNumber);
}
