namespace PrivacyHoldout135.Education;

public sealed record RaiseConcernRequest(string StudentNumber, string PupilName, string YearGroup, string Category, RiskLevel Risk, string Narrative, string? ParentEmail);

/// <summary>The staff app's "log a concern" endpoints, filing into the safeguarding case store.</summary>
public static partial class SafeguardingConcernEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Safeguarding.Concerns");
    private static readonly Meter Meter = new("Trust.Safeguarding.Concerns");
    private static readonly SchoolsafeReportsCounter Reports = Meter.CreateSchoolsafeReportsCounter();
    private static readonly UpDownCounter<long> OpenConcerns = Meter.CreateUpDownCounter<long>("safeguarding.concerns.open");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/schools/{school}/concerns", RaiseAsync);
        routes.MapGet("/schools/{school}/pupils/{studentNumber}/chronology", ChronologyAsync);
    }

    public static async Task<ActionResult> RaiseAsync(
        string school,
        RaiseConcernRequest request,
        HttpContextInfo http,
        ISafeguardingCaseStore store,
        Pseudonymizer pseudonymizer,
        ILogger<RaiseConcernRequest> logger,
        CancellationToken ct)
    {
        var concernId = $"CON-{Guid.NewGuid():N}"[..16];
        var staffId = http.User.SubjectId!;
        using var span = Source.StartSchoolsafeReport(concernId);
        span.SetSchoolsafeSchool(school); // clean precision-names
        span.SetSchoolsafeCategory(request.Category); // clean precision-names
        span.SetSchoolsafeSeverity(request.Risk.ToString()); // clean precision-about
        span.SetSchoolsafePupilId(pseudonymizer.PseudonymizeSchoolsafePupilId(request.StudentNumber)); // clean precision-pseudonym
        span.SetSchoolsafeReporterId(pseudonymizer.PseudonymizeSchoolsafeReporterId(staffId)); // clean precision-pseudonym
        span.Activity?.SetTag("safeguarding.year_group", request.YearGroup); // clean precision-names
        span.Activity?.SetTag("safeguarding.narrative.words", request.Narrative.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.SetTag("safeguarding.raised_by", http.User.Email); // leak TC1001 direct

        var concern = new SafeguardingConcern(concernId, request.StudentNumber, request.PupilName, staffId, request.Category, request.Risk, request.Narrative);
        var filed = await store.FileAsync(concern, ct);
        OpenConcerns.Add(1, new KeyValuePair<string, object?>("school", school)); // clean precision-about
        Reports.Add(1, school, request.Category, filed.Escalated ? "escalated" : "filed"); // clean generated-api
        span.Activity?.SetTag("safeguarding.open_for_pupil", filed.OpenConcernsForSubject); // clean precision-about

        if (request.Risk >= RiskLevel.High)
        {
            span.SetSchoolsafeNote($"High risk concern about {request.PupilName} ({request.YearGroup})"); // leak TC1001 generated-api
            logger.LogWarning("High risk concern {ConcernId} about pupil {StudentNumber}: {Narrative}", concernId, request.StudentNumber, request.Narrative); // leak TC1001 direct
        }

        if (request.ParentEmail is { } parentEmail)
        {
            span.Activity?.SetTag("safeguarding.parent.domain", parentEmail[(parentEmail.IndexOf('@') + 1)..]); // clean precision-about
            span.Activity?.SetTag(SchoolsafeAttributes.Contact, parentEmail); // leak TC1001 generated-api
        }

        LogConcernFiled(logger, concernId, request.StudentNumber, request.PupilName); // clean generated-api
        LogConcernFiledForDsl(logger, concernId, request.PupilName); // leak TC1001 generated-api
        return new OkResult(new { concernId, filed.Escalated });
    }

    public static ActionResult ChronologyAsync(string school, string studentNumber, HttpContextInfo http, ILogger<RaiseConcernRequest> logger)
    {
        var path = $"/schools/{school}/pupils/{studentNumber}/chronology";
        Activity.Current?.SetTag("http.route", "/schools/{school}/pupils/{studentNumber}/chronology"); // clean precision-names
        Activity.Current?.SetTag("url.path", path); // leak TC1001 strings
        try
        {
            if (!http.User.IsAuthenticated)
            {
                throw new ChronologyRestrictedException(studentNumber);
            }

            return new OkResult(null);
        }
        catch (ChronologyRestrictedException ex)
        {
            logger.LogWarning(ex, "Chronology refused"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return new NotFoundResult(null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Concern {ConcernId} filed for {StudentNumber} ({PupilName})")]
    private static partial void LogConcernFiled(ILogger logger, string concernId, [PrivateData] string studentNumber, [PrivateData] string pupilName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concern {ConcernId} sent to the DSL's queue for {PupilName}")]
    private static partial void LogConcernFiledForDsl(ILogger logger, string concernId, string pupilName);
}
