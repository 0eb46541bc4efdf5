namespace PrivacyHoldout139.Media;

public sealed record LicenceApplication(string LicenceRef, string ChildName, DateOnly DateOfBirth, string SchoolUrn, string HeadteacherEmail, string ChaperoneLicenceNumber, IReadOnlyList<DateOnly> ShootDays);

public sealed record SchoolAbsenceAuthorisation(string LicenceRef, string SchoolUrn, int SessionsAuthorised, string AuthorisedByName, string? Conditions);

public sealed class LicenceRefusedException(string licenceRef, string childName, string reason)
    : Exception($"Licence {licenceRef} for {childName} refused: {reason}")
{
    public string LicenceRef { get; } = licenceRef;
}

/// <summary>
/// Child performers on a drama: the council's performance licence needs the school to authorise the absences
/// (code C1) and a licensed chaperone for every shoot day; days away from school are capped per year.
/// </summary>
public sealed partial class ChildPerformanceLicenceHandler(Pseudonymizer pseudonymizer, ILogger<ChildPerformanceLicenceHandler> logger)
{
    private static readonly ActivitySource Source = new("Drama.Production.Licensing");
    private static readonly Meter Meter = new("Drama.Production.Licensing");
    private static readonly Counter<long> DaysOffSchool = Meter.CreateCounter<long>("licensing.school_days_missed", "{day}");

    private string? _lastRefusedChild;

    public void SchoolAuthorised(LicenceApplication application, SchoolAbsenceAuthorisation authorisation)
    {
        using var span = Source.StartYoungreporterOperation("drama-licensing")
            .SetYoungreporterLicenceRef(application.LicenceRef) // clean precision-names
            .SetYoungreporterSchoolUrn(authorisation.SchoolUrn); // clean precision-names
        span.Activity?.SetTag("licensing.sessions_authorised", authorisation.SessionsAuthorised); // clean precision-about
        span.Activity?.SetTag("licensing.absence_code", AttendanceCodes.Performance); // clean precision-names
        span.Activity?.SetTag("licensing.conditions", authorisation.Conditions is not null); // clean precision-about
        span.Activity?.SetTag("licensing.authorised_by", authorisation.AuthorisedByName); // leak TC1001 direct
        DaysOffSchool.Add(application.ShootDays.Count, new KeyValuePair<string, object?>("production", "drama-licensing")); // clean precision-about
        LogAuthorised(logger, application.LicenceRef, application.ChildName, authorisation.SessionsAuthorised); // leak TC1001 logging-objects
        span.SetYoungreporterChaperoneId(pseudonymizer.PseudonymizeYoungreporterChaperoneId(application.ChaperoneLicenceNumber)); // clean generated-api
        logger.LogInformation("Chaperone {Chaperone} booked for {Days} days", application.ChaperoneLicenceNumber, application.ShootDays.Count); // leak TC1001 direct
    }

    public void Refused(LicenceRefusedException ex, LicenceApplication application)
    {
        _lastRefusedChild = application.ChildName;
        using var span = Source.StartYoungreporterOperation("drama-licensing");
        span.RecordException(ex); // clean exceptions
        span.SetYoungreporterOutcome("refused").SetYoungreporterLicenceRef(ex.LicenceRef); // clean exceptions
        logger.LogError(ex, "Licence refused"); // leak TC1001 exceptions
        logger.LogYoungreporterRecordFailedEvent("drama-licensing", "licence-refused", youngreporterNote: $"licence {ex.LicenceRef}, {application.ShootDays.Count} shoot days"); // clean generated-api
    }

    public void Recast()
    {
        if (_lastRefusedChild is not null)
        {
            logger.LogInformation("Recasting the part played by {Child}", _lastRefusedChild); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Licence {LicenceRef}: school authorised {Sessions} sessions for {ChildName}")]
    private static partial void LogAuthorised(ILogger logger, string licenceRef, string childName, int sessions);
}
