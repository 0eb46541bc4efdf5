namespace PrivacyHoldout149.Education;

/// <summary>
/// The education welfare service prosecutes parents under section 444 when a pupil's attendance stays
/// below the threshold after a notice: it builds the case, lays the summons at the magistrates' court
/// and follows service of it.
/// </summary>
public sealed partial class AttendanceProsecutionService(
    IMagistratesGateway magistrates,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    JusticeOptions options,
    ILogger<AttendanceProsecutionService> logger)
{
    private static readonly ActivitySource Source = new("Council.Attendance.Prosecutions");
    private static readonly Meter Meter = new("Council.Attendance");
    private static readonly Counter<long> Summonses = Meter.CreateCounter<long>("attendance.summonses", "{summons}");
    private static readonly UpDownCounter<long> OpenCases = Meter.CreateUpDownCounter<long>("attendance.cases.open", "{case}");

    public string? LastParentServed { get; private set; }

    public string? LastCourt { get; private set; }

    public async Task<SummonsResult?> ProsecuteAsync(AttendanceCase attendanceCase, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("attendance.prosecute");
        activity?.SetTag("attendance.case.id", attendanceCase.CaseId);
        activity?.SetTag("attendance.percent", attendanceCase.AttendancePercent); // clean precision-about
        activity?.SetTag("attendance.court", attendanceCase.Court);
        activity?.SetTag("attendance.template", options.SummonsTemplateId); // clean precision-names
        activity?.SetTag("attendance.pupil", CaseLabel(attendanceCase)); // leak TC1001 strings
        activity?.SetTag("attendance.parent.postcode", attendanceCase.ParentAddress.Split(',')[^1].Trim()); // leak TC1001 strings
        activity?.SetTag("attendance.parent.hash", BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(attendanceCase.ParentName)))); // leak TC1002 hashes
        activity?.SetTag("attendance.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(attendanceCase.PupilUpn))[0] % 10); // clean hashes
        LogCaseOpened(logger, attendanceCase.CaseId, attendanceCase.PupilUpn, attendanceCase.School); // clean logging-objects
        LogParent(logger, attendanceCase.CaseId, attendanceCase.ParentName); // leak TC1001 logging-objects
        OpenCases.Add(1, new KeyValuePair<string, object?>("school", attendanceCase.School));

        try
        {
            var summons = await magistrates.LaySummonsAsync(attendanceCase, cancellationToken);
            LastParentServed = attendanceCase.ParentName;
            LastCourt = summons.Court;
            Summonses.Add(1, new KeyValuePair<string, object?>("court", summons.Court));
            activity?.SetTag("attendance.hearing.id", summons.HearingId); // clean precision-names
            activity?.AddEvent(new ActivityEvent("summons.laid", tags: new ActivityTagsCollection { ["hearing.at"] = summons.HearingAt.ToString("O"), ["lead.days"] = (summons.HearingAt - DateTime.UtcNow).Days })); // clean precision-about
            logger.LogInformation("Summons laid: {Summons}", summons); // clean logging-objects
            return summons;
        }
        catch (ParentNotServedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName, ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            logger.LogWarning("Summons for case {CaseId} not served: {Error}", attendanceCase.CaseId, ex.Message); // leak TC1001 exceptions
            return null;
        }
        catch (NoCourtSlotException ex)
        {
            logger.LogWarning(ex, "No slot for case {CaseId}", attendanceCase.CaseId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
        finally
        {
            OpenCases.Add(-1, new KeyValuePair<string, object?>("school", attendanceCase.School));
        }
    }

    /// <summary>Called by the service-of-process worker when the process server reports back.</summary>
    public void ReportService(bool served)
    {
        logger.LogInformation("Service at {Court} reported: served {Served}", LastCourt, served); // clean cross-member
        logger.LogInformation("Process server confirmed service on {Parent}", LastParentServed); // leak TC1001 cross-member
        Activity.Current?.SetTag("attendance.parent.served", pseudonymizer.Compute("attendance.parent", LastParentServed ?? string.Empty)); // clean precision-pseudonym
    }

    private static string CaseLabel(AttendanceCase attendanceCase) =>
        $"{attendanceCase.PupilName} ({attendanceCase.School}, {attendanceCase.AttendancePercent:0}%)";

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Case {CaseId} opened for pupil {PupilUpn} at {School}")]
    private static partial void LogCaseOpened(ILogger logger, string caseId, [PrivateData] string pupilUpn, string school);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Case {CaseId}: summons to be served on {ParentName}")]
    private static partial void LogParent(ILogger logger, string caseId, string parentName);
}
