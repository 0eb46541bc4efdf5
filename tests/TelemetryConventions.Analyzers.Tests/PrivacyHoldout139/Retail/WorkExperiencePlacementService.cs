namespace PrivacyHoldout139.Retail;

public sealed record Placement(string PlacementId, string Store, string SchoolUrn, string Upn, string StudentName, string SupervisorStaffNumber, DateOnly Start, DateOnly End);

public sealed record DailyReport(string PlacementId, DateOnly Date, bool Attended, string? AbsenceReason, int Punctuality, string SupervisorComment);

/// <summary>
/// Year 10 work experience in stores: the supervisor records each day's attendance and a short behaviour report,
/// which goes back to the school's work experience coordinator.
/// </summary>
public sealed partial class WorkExperiencePlacementService(Pseudonymizer pseudonymizer, ILogger<WorkExperiencePlacementService> logger)
{
    private static readonly ActivitySource Source = new("Stores.WorkExperience");
    private static readonly Meter Meter = new("Stores.WorkExperience");
    private static readonly Counter<long> Days = Meter.CreateCounter<long>("work_experience.days");

    public void Record(Placement placement, DailyReport report)
    {
        using var span = Source.StartSchoolpayOperation(placement.SchoolUrn)
            .SetSchoolpayPupilId(pseudonymizer.PseudonymizeSchoolpayPupilId(placement.Upn)) // clean generated-api
            .SetSchoolpayStore(placement.Store); // clean precision-names
        span.Activity?.SetTag("placement.id", placement.PlacementId); // clean precision-names
        span.Activity?.SetTag("placement.attended", report.Attended); // clean precision-about
        span.Activity?.SetTag("placement.punctuality", report.Punctuality); // clean precision-about
        span.Activity?.SetTag("placement.supervisor", placement.SupervisorStaffNumber); // leak TC1001 direct
        Days.Add(1, new KeyValuePair<string, object?>("store", placement.Store), new KeyValuePair<string, object?>("attended", report.Attended)); // clean precision-about
        Days.Add(1, new KeyValuePair<string, object?>("student", placement.StudentName)); // leak TC1003 direct
        if (!report.Attended)
        {
            LogAbsent(logger, placement.PlacementId, placement.StudentName, report.AbsenceReason ?? "not given"); // leak TC1001 logging-objects
            LogAbsentRedacted(logger, placement.PlacementId, placement.StudentName, report.AbsenceReason ?? "not given"); // clean logging-objects
        }
        logger.LogInformation("Supervisor comment ({Words} words) for {Placement}", report.SupervisorComment.Split(' ').Length, placement.PlacementId); // clean precision-about
        span.SetSchoolpayNote(report.SupervisorComment); // leak TC1001 generated-api
        logger.LogDebug("Placement {Placement}", placement); // leak TC1001 logging-objects
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Placement {PlacementId}: {StudentName} absent ({Reason})")]
    private static partial void LogAbsent(ILogger logger, string placementId, string studentName, string reason);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Placement {PlacementId}: {StudentName} absent ({Reason})")]
    private static partial void LogAbsentRedacted(ILogger logger, string placementId, [PrivateData] string studentName, string reason);
}
