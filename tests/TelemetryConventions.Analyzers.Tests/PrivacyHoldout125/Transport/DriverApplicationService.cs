namespace PrivacyHoldout125.Transport;

/// <summary>
/// Bus driver applications: the licence check with the DVLA through the licence-check provider, the
/// driver qualification card, the employment history the operator must verify for five years, and
/// the practical assessment with a driving instructor.
/// </summary>
public sealed class DriverApplicationService(
    IAtsClient ats,
    ICalendarClient calendar,
    Pseudonymizer pseudonymizer,
    ILogger<DriverApplicationService> logger)
{
    private static readonly ActivitySource Source = new("Operator.Recruitment.Drivers");
    private static readonly Meter Meter = new("Operator.Recruitment.Drivers");
    private static readonly DepotjobsApplicationsCounter Applications = Meter.CreateDepotjobsApplicationsCounter();
    private static readonly DepotjobsCheckDurationHistogram CheckDuration = Meter.CreateDepotjobsCheckDurationHistogram();
    private static readonly Counter<long> Assessments = Meter.CreateCounter<long>("depotjobs.assessments.booked");

    public sealed record LicenceDetails(string LicenceNumber, string? DqcNumber, int PenaltyPoints, IReadOnlyList<string> EndorsementCodes, bool HoldsD, bool HoldsD1);

    public sealed class LicenceMismatchException(string licenceNumber, string surname)
        : Exception($"Licence {licenceNumber} does not match surname {surname}");

    public async Task CheckLicenceAsync(Application application, Candidate candidate, LicenceDetails licence, string depot, CancellationToken cancellationToken)
    {
        using var span = Source.StartDepotjobsCheck("licence");
        span.SetDepotjobsApplicationId(application.Id.ToString(CultureInfo.InvariantCulture)).SetDepotjobsCandidateId(pseudonymizer.PseudonymizeDepotjobsCandidateId(candidate.Id)); // clean generated-api
        span.Activity?.SetTag("depotjobs.depot", depot); // clean precision-names
        span.Activity?.SetTag("depotjobs.licence.points", licence.PenaltyPoints); // clean precision-about
        span.Activity?.SetTag("depotjobs.licence.endorsements", string.Join(",", licence.EndorsementCodes)); // clean precision-about
        span.Activity?.SetTag("depotjobs.licence.holds_d", licence.HoldsD); // clean precision-about
        span.Activity?.SetTag("depotjobs.licence.number", licence.LicenceNumber); // leak TC1001 direct
        span.Activity?.SetTag("depotjobs.dqc.supplied", licence.DqcNumber is not null); // clean precision-about
        logger.LogInformation("DQC {Dqc} for application {Application}", licence.DqcNumber, application.Id); // leak TC1001 direct
        logger.LogDebug("Licence details {Licence}", licence); // leak TC1001 logging-objects
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!licence.LicenceNumber.StartsWith(candidate.LastName.ToUpperInvariant()[..Math.Min(5, candidate.LastName.Length)], StringComparison.Ordinal))
            {
                throw new LicenceMismatchException(licence.LicenceNumber, candidate.LastName);
            }
            span.SetDepotjobsOutcome(licence.PenaltyPoints > 6 ? "referred" : "passed"); // clean generated-api
        }
        catch (LicenceMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogDepotjobsStageFailedEvent("pre-employment", "licence-mismatch", depotjobsNote: ex.Message); // leak TC1001 generated-api
        }
        CheckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "licence", licence.PenaltyPoints > 6 ? "referred" : "passed"); // clean generated-api
        Applications.Add(1, "pre-employment", application.Source, "licence-checked"); // clean generated-api
        var licenceKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(licence.LicenceNumber));
        span.Activity?.SetTag("depotjobs.licence.key", licenceKey); // leak TC1001 hashes
    }

    public async Task BookAssessmentAsync(Application application, Candidate candidate, Attendee instructor, string depot, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("depotjobs.assessment.book");
        activity?.SetTag("depotjobs.instructor", instructor.Email); // leak TC1001 direct
        activity?.SetTag("depotjobs.instructor.ref", pseudonymizer.ComputeDepotjobsInterviewerId(instructor.Email)); // clean precision-pseudonym
        var draft = new InterviewEvent { Subject = $"Practical assessment – application {application.Id} – {depot}", RoomId = $"yard-{depot}" };
        draft.Attendees.Add(instructor);
        try
        {
            var booked = await calendar.CreateEventAsync(draft, cancellationToken);
            activity?.SetTag("depotjobs.assessment.subject", booked.Subject); // clean precision-names
            Assessments.Add(1, new KeyValuePair<string, object?>("depotjobs.depot", depot)); // clean precision-names
            Assessments.Add(1, new KeyValuePair<string, object?>("depotjobs.instructor", pseudonymizer.ComputeDepotjobsInterviewerId(instructor.Email))); // leak TC1003 precision-pseudonym
        }
        catch (MailboxNotFoundException ex)
        {
            logger.LogError(ex, "Instructor calendar not found for depot {Depot}", depot); // leak TC1001 exceptions
            activity?.SetTag("depotjobs.error", ex.Code); // clean exceptions
        }
        logger.LogInformation("Assessment for {Candidate} booked at {Depot}", pseudonymizer.ComputeDepotjobsCandidateId(candidate.Id), depot); // clean precision-pseudonym
    }
}
