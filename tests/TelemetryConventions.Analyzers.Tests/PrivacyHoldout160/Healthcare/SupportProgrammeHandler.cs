namespace PrivacyHoldout160.Healthcare;

public sealed record EnrolPatientCommand(Enrolment Enrolment, string ReferringNurseStaffId);

/// <summary>Enrols patients into a drug maker's support programme and books their nurse calls.</summary>
public sealed class SupportProgrammeHandler(
    IEnrolmentStore store,
    ILogger<SupportProgrammeHandler> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    MedTechOptions options)
{
    private static readonly Counter<long> Enrolments = new Meter("MedTech.Programmes").CreateCounter<long>("programme.enrolments");

    public async Task HandleAsync(EnrolPatientCommand command, CancellationToken cancellationToken)
    {
        var enrolment = command.Enrolment;
        using var activity = source.StartActivity("EnrolPatient");
        activity?.SetTag("programme", enrolment.Programme); // clean precision-names
        activity?.SetTag("programme.therapy", enrolment.Therapy); // clean precision-about
        activity?.SetTag("patient.email", enrolment.Email); // leak TC1001 direct
        activity?.SetTag("patient.email_domain", enrolment.Email[(enrolment.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("patient.age", DateTime.Today.Year - enrolment.DateOfBirth.Year); // clean precision-about
        activity?.SetTag(HomecareAttributes.Contact, enrolment.Mobile); // leak TC1001 generated-api
        activity?.SetBaggage("patient.id", enrolment.PatientId); // leak TC1001 direct
        activity?.SetBaggage("patient.pseudonym", pseudonymizer.ComputeHomecarePatientId(enrolment.PatientId)); // clean precision-pseudonym

        var enrolled = await store.CountAsync(enrolment.Programme, cancellationToken);
        if (enrolled >= options.ProgrammeCapacity)
        {
            var full = new ProgrammeFullException(enrolment.Programme, options.Region);
            logger.LogWarning(full, "Programme full"); // clean exceptions
            logger.LogHomecareOperationFailedEvent(options.Region, "full", homecareNote: full.Message); // clean generated-api
            return;
        }

        await store.SaveAsync(enrolment, cancellationToken);
        Enrolments.Add(1, new TagList { { "programme", enrolment.Programme }, { "region", options.Region } }); // clean precision-about
        Enrolments.Add(1, new TagList { { "patient", pseudonymizer.ComputeHomecarePatientId(enrolment.PatientId) } }); // leak TC1003 precision-pseudonym
        logger.LogInformation("Enrolled {FirstName} {LastName} on {Programme}", enrolment.FirstName, enrolment.LastName, enrolment.Programme); // leak TC1001 precision-names
        logger.LogInformation("Enrolment {EnrolmentId} referred by {Nurse}", enrolment.EnrolmentId, command.ReferringNurseStaffId); // leak TC1001 direct
        logger.LogDebug("Enrolment {@Command}", command); // leak TC1001 logging-objects
    }

    public void RecordCall(NurseCall call, Enrolment enrolment)
    {
        logger.LogInformation("Nurse call {CallId} took {Minutes} minutes on {Topic}", call.CallId, call.Minutes, call.Topic); // clean precision-about
        logger.LogInformation("Nurse call {Call}", call); // leak TC1001 logging-objects
        var anonymousId = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(enrolment.PatientId)));
        logger.LogInformation("Call logged for {PatientRef}", anonymousId); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(enrolment.PatientId))).Substring(0, 16);
        logger.LogInformation("Call logged for {PatientRef}", keyed); // clean hashes
        meter.CreateHomecareOperationDurationHistogram().Record(call.Minutes * 60, options.Region); // clean generated-api
    }

    public void Withdraw(Enrolment enrolment)
    {
        var ex = new ConsentWithdrawnException(enrolment.Email);
        logger.LogWarning("Withdrawal: {Reason}", ex.Message); // leak TC1001 exceptions
        logger.LogWarning("Withdrawal from {Programme}: {Kind}", enrolment.Programme, ex.GetType().Name); // clean exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, new EnrolmentNotFoundException(enrolment.PatientId).Message); // leak TC1001 exceptions
    }
}
