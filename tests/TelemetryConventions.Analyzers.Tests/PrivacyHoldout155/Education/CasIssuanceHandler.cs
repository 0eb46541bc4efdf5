namespace PrivacyHoldout155.Education;

/// <summary>A request from admissions to assign a CAS to an offer holder who has met their conditions.</summary>
public sealed record AssignCasCommand(string StudentNumber, string CourseCode, string Campus, string Nationality, string Email);

/// <summary>
/// Assigns CAS numbers through the sponsor management system once an offer is unconditional, and tells the
/// student by email. The compliance team reads the traces when a CAS goes missing.
/// </summary>
public sealed class CasIssuanceHandler(
    ISponsorManagementSystem sms,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BorderOptions options,
    ILogger<CasIssuanceHandler> logger)
{
    private static readonly string[] CasOutcomes = ["assigned", "refused", "failed"];

    public async Task<string?> HandleAsync(AssignCasCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartSponsorOperation(command.Campus);
        span.SetSponsorStudentId(pseudonymizer.PseudonymizeSponsorStudentId(command.StudentNumber)); // clean generated-api
        span.SetSponsorRoute("student"); // clean precision-about
        span.SetSponsorNote($"CAS for {command.StudentNumber} on {command.CourseCode}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("sponsor.nationality", command.Nationality); // clean precision-about
        Activity.Current?.SetTag("sponsor.licence", options.SponsorLicenceNumber); // clean precision-about
        Activity.Current?.SetTag("sponsor.student.email_domain", command.Email[(command.Email.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(SponsorAttributes.Contact, command.Email); // leak TC1001 generated-api

        try
        {
            var cas = await sms.AssignCasAsync(command.StudentNumber, command.CourseCode, cancellationToken);
            logger.LogInformation("CAS {CasNumber} assigned on {Course}", cas.CasNumber, cas.CourseCode); // leak TC1001 direct
            logger.LogInformation("Assignment recorded: {@Cas}", cas); // leak TC1001 logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("cas.assigned", tags: new ActivityTagsCollection { ["cas.number"] = cas.CasNumber, ["cas.course"] = cas.CourseCode })); // leak TC1001 direct
            span.SetSponsorOutcome(CasOutcomes[0]); // clean generated-api
            meter.CreateSponsorCasDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, sponsorCampus: command.Campus); // clean generated-api
            return cas.CasNumber;
        }
        catch (CasAlreadyUsedException ex)
        {
            logger.LogSponsorOperationFailedEvent(command.Campus, CasOutcomes[1], sponsorNote: ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return null;
        }
        catch (SponsorLicenceSuspendedException ex)
        {
            logger.LogError(ex, "Sponsor licence suspended, CAS not assigned"); // clean exceptions
            span.SetSponsorOutcome(CasOutcomes[2]); // clean generated-api
            throw;
        }
    }
}
