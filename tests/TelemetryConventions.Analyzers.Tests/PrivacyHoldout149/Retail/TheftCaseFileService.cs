namespace PrivacyHoldout149.Retail;

/// <summary>
/// Store security's case files for shop theft: the colleague who detained the offender writes the
/// file, the service attaches the CCTV clip and submits it to the force's portal for a charging
/// decision and a court date.
/// </summary>
public sealed partial class TheftCaseFileService(
    IPolicePortal police,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<TheftCaseFileService> logger)
{
    private static readonly ActivitySource Source = new("Retailer.Security.CaseFiles");

    private string? _lastOffender;
    private string? _lastStore;

    public async Task<PoliceSubmission> SubmitAsync(TheftCaseFile file, CancellationToken cancellationToken)
    {
        _lastOffender = file.OffenderName;
        _lastStore = file.StoreId;

        using var span = Source.StartStorelegalOperation(file.StoreId);
        span.SetStorelegalCaseKind("shop-theft");
        span.SetStorelegalSubjectId(pseudonymizer.PseudonymizeStorelegalSubjectId($"{file.OffenderName}|{file.OffenderDob:yyyy-MM-dd}")); // clean precision-pseudonym
        span.SetStorelegalColleagueId(pseudonymizer.PseudonymizeStorelegalColleagueId(file.ColleagueStaffId)); // clean precision-pseudonym
        span.SetStorelegalNote(file.Description); // leak TC1001 generated-api
        Activity.Current?.SetTag("case.ref", file.CaseRef);
        Activity.Current?.SetTag("case.cctv.clip", file.CctvClipId); // clean precision-names
        Activity.Current?.SetTag("case.value", file.ValueRecovered); // clean precision-about
        Activity.Current?.SetTag("case.offender", file.OffenderName); // leak TC1001 direct
        Activity.Current?.SetTag("case.offender.dob", file.OffenderDob); // leak TC1001 direct
        Activity.Current?.SetTag("case.offender.birth_decade", file.OffenderDob.Year / 10 * 10); // clean precision-about
        LogFiled(logger, file.CaseRef, file.OffenderName, file.ColleagueStaffId); // clean logging-objects
        LogFiledPlain(logger, file.CaseRef, file.OffenderName); // leak TC1001 logging-objects
        logger.LogInformation("Case file {@File}", file); // leak TC1001 logging-objects
        logger.LogInformation("Case file {CaseRef} with {Words} words of description", file.CaseRef, file.Description.Split(' ').Length); // clean precision-about

        var submission = await police.SubmitAsync(file, cancellationToken);
        span.SetStorelegalOutcome(submission.Accepted ? "accepted" : "no-further-action"); // clean generated-api
        Activity.Current?.SetTag("case.crime_reference", submission.CrimeReference); // clean precision-names
        Activity.Current?.SetTag("case.force", submission.Force);
        meter.CreateStorelegalCasesCounter().Add(1, file.StoreId, submission.Accepted ? "accepted" : "nfa"); // clean generated-api
        logger.LogInformation("Submission {Submission}", submission); // clean logging-objects
        return submission;
    }

    /// <summary>The regional security manager's end-of-day line.</summary>
    public void EndOfDay()
    {
        logger.LogInformation("Last case today at {Store}", _lastStore); // clean cross-member
        logger.LogInformation("Last offender today: {Offender}", _lastOffender); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Case {CaseRef} filed against {OffenderName} by {ColleagueStaffId}")]
    private static partial void LogFiled(ILogger logger, string caseRef, [PrivateData] string offenderName, [PrivateData] string colleagueStaffId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Case {CaseRef} filed against {OffenderName}")]
    private static partial void LogFiledPlain(ILogger logger, string caseRef, string offenderName);
}
