namespace PrivacyHoldout139.Education;

public sealed record LogIncidentCommand(string SchoolUrn, string Upn, string Category, int Points, string Location, string StaffCode, string Description);

public sealed record SuspendCommand(string SchoolUrn, string Upn, string ReasonCode, DateOnly StartDate, int Sessions, string HeadteacherEmail);

public sealed record ExclusionLetter(string ToEmail, string Salutation, string Text);

/// <summary>
/// Handles the behaviour log and suspensions: points thresholds, the SEN check the policy asks for before a
/// suspension, the letter home and the statutory notice to the council.
/// </summary>
public sealed class BehaviourExclusionsHandler(
    IMisClient mis,
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BehaviourExclusionsHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.Behaviour");
    private static readonly Meter Meter = new("Trust.Behaviour");
    private static readonly Counter<int> Incidents = Meter.CreateCounter<int>("behaviour.incidents");
    private static readonly Counter<int> Suspensions = Meter.CreateCounter<int>("behaviour.suspensions");
    private static readonly UpDownCounter<int> OnReport = Meter.CreateUpDownCounter<int>("behaviour.on_report");

    private readonly Dictionary<string, int> _pointsThisWeek = new();

    public async Task<Guid> Handle(LogIncidentCommand command, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(command.SchoolUrn)
            .SetSchoolmisPupilId(pseudonymizer.PseudonymizeSchoolmisPupilId(command.Upn)) // clean generated-api
            .SetSchoolmisStaffId(pseudonymizer.PseudonymizeSchoolmisStaffId(command.StaffCode)); // clean generated-api
        span.Activity?.SetTag("behaviour.category", command.Category); // clean precision-names
        span.Activity?.SetTag("behaviour.points", command.Points); // clean precision-about
        span.Activity?.SetTag("behaviour.reported_by", command.StaffCode); // leak TC1001 direct

        var incident = new BehaviourIncident(Guid.NewGuid(), command.Upn, command.Category, command.Points, command.Location, command.StaffCode, command.Description);
        var id = await mis.RecordIncidentAsync(command.SchoolUrn, incident, ct);
        logger.LogInformation("Incident {IncidentId} logged in {Location}", id, command.Location); // clean precision-names
        logger.LogDebug("Incident {@Incident}", incident); // leak TC1001 logging-objects
        Incidents.Add(1, new KeyValuePair<string, object?>("category", command.Category), new KeyValuePair<string, object?>("pupil", pseudonymizer.ComputeSchoolmisPupilId(command.Upn))); // leak TC1003 precision-pseudonym

        _pointsThisWeek[command.Upn] = _pointsThisWeek.GetValueOrDefault(command.Upn) + command.Points;
        if (_pointsThisWeek[command.Upn] >= 20)
        {
            OnReport.Add(1, new KeyValuePair<string, object?>("school.urn", command.SchoolUrn)); // clean precision-about
            span.AddEventTo("behaviour.threshold", command.Upn); // leak TC1001 cross-member
        }
        return id;
    }

    public void WeeklySummary(string schoolUrn)
    {
        logger.LogInformation("Pupils over threshold: {Count}", _pointsThisWeek.Count(p => p.Value >= 20)); // clean precision-about
        logger.LogInformation("Points this week: {Points}", _pointsThisWeek); // leak TC1001 cross-member
        var lane = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(schoolUrn))) % 8;
        Activity.Current?.SetTag("behaviour.summary.lane", lane); // clean hashes
        _pointsThisWeek.Clear();
    }

    public async Task SuspendAsync(SuspendCommand command, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(command.SchoolUrn);
        span.SetSchoolmisSanction("suspension"); // clean generated-api
        span.Activity?.SetTag("exclusion.reason", command.ReasonCode); // clean precision-names
        span.Activity?.SetTag("exclusion.sessions", command.Sessions); // clean precision-about

        var sen = await mis.GetSenRecordAsync(command.Upn, ct);
        if (sen is not null)
        {
            span.Activity?.SetTag("exclusion.sen.provision", sen.Provision); // clean precision-about
            span.Activity?.SetTag("exclusion.sen.need", sen.PrimaryNeed); // clean precision-about
            logger.LogWarning("Suspending a pupil with {Provision} provision; plan {Plan}, review due {Review}", sen.Provision, sen.EhcpRef, sen.ReviewDue); // clean precision-names
            logger.LogWarning("SEN record at suspension: {Sen}", sen); // leak TC1001 logging-objects
        }

        var record = new ExclusionRecord($"EX-{DateTime.UtcNow:yyyyMMddHHmmss}", command.Upn, "suspension", command.ReasonCode, command.StartDate, command.Sessions);
        await mis.RecordExclusionAsync(command.SchoolUrn, record, ct);
        logger.LogInformation("Exclusion {ExclusionId} recorded, {Sessions} sessions from {Start}", record.ExclusionId, record.Sessions, record.StartDate); // clean precision-names
        Suspensions.Add(1, new KeyValuePair<string, object?>("reason", command.ReasonCode), new KeyValuePair<string, object?>("upn", command.Upn)); // leak TC1003 direct

        var pupil = await mis.GetPupilAsync(command.Upn, ct) ?? throw new PupilNotFoundException(command.Upn);
        var contacts = await mis.GetContactsAsync(command.Upn, ct);
        foreach (var contact in contacts.Where(c => c.ParentalResponsibility))
        {
            var letter = new ExclusionLetter(contact.Email, $"Dear {contact.Name}", $"{pupil.LegalForename} {pupil.LegalSurname} has been suspended for {command.Sessions / 2.0} days from {command.StartDate:d}.");
            try
            {
                await messenger.SendAsync(new ParentMessage("tpl-suspension-letter", letter.ToEmail, contact.Mobile, letter.Salutation + "\n" + letter.Text), ct);
                span.Activity?.AddEvent(new ActivityEvent("exclusion.letter.sent", tags: new ActivityTagsCollection { ["relationship"] = contact.Relationship, ["priority"] = contact.Priority })); // clean precision-names
            }
            catch (MessageDeliveryException ex)
            {
                logger.LogError("Suspension letter failed ({Status}) for {Letter}", ex.Status, letter); // leak TC1001 logging-objects
                span.RecordException(ex); // clean exceptions
                logger.LogLatestFailure(schoolUrn: command.SchoolUrn, ex.GetType().Name); // clean exceptions
            }
        }
        logger.LogInformation("Letters sent to {Count} contacts with parental responsibility", contacts.Count(c => c.ParentalResponsibility)); // clean precision-about
        var bucket = (uint)command.Upn.GetHashCode() % 32;
        span.Activity?.SetTag("exclusion.bucket", bucket); // leak TC1002 hashes
    }
}

internal static class BehaviourTelemetry
{
    /// <summary>Adds a threshold event naming the pupil it fired for.</summary>
    public static SchoolmisOperationSpan AddEventTo(this SchoolmisOperationSpan span, string name, string upn)
    {
        span.Activity?.AddEvent(new ActivityEvent(name, tags: new ActivityTagsCollection { ["pupil.upn"] = upn }));
        return span;
    }

    public static void LogLatestFailure(this ILogger logger, string schoolUrn, string failureType) =>
        logger.LogSchoolmisOperationFailedEvent(schoolUrn, "letter-failed", schoolmisNote: failureType);
}
