namespace PrivacyHoldout139.Healthcare;

public sealed record ConsentFormSubmitted(string FormId, string SchoolUrn, string YearGroup, string NhsNumber, string ChildName, string ParentMobile, bool Consented, string? RefusalReason, string? MedicalNotes);

/// <summary>
/// The school-aged immunisation service reads parents' e-consent forms (the topic is keyed by the school's URN)
/// and builds the session list for each school.
/// </summary>
public sealed class ImmunisationConsentConsumer(
    IConsumer<string, ConsentFormSubmitted> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<ImmunisationConsentConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Saise.Consent");
    private static readonly Meter Meter = new("Saise.Consent");
    private static readonly Counter<long> Forms = Meter.CreateCounter<long>("saise.consent.forms");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var form = result.Message.Value;
            using var activity = Source.StartActivity("saise.consent.process", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("saise.form", form.FormId); // clean precision-names
            activity?.SetTag("saise.child", pseudonymizer.PseudonymizeHospschoolPupilId(form.NhsNumber).Value); // clean precision-pseudonym
            activity?.SetTag("saise.refusal", form.RefusalReason); // clean precision-names
            activity?.SetTag("saise.medical_notes.given", form.MedicalNotes is not null); // clean precision-about
            Forms.Add(1, new KeyValuePair<string, object?>("school.urn", form.SchoolUrn), new KeyValuePair<string, object?>("consented", form.Consented)); // clean precision-about

            if (form.MedicalNotes is { Length: > 0 } notes)
            {
                logger.LogWarning("Form {Form} has medical notes for the nurse: {Notes}", form.FormId, notes); // leak TC1001 direct
            }
            if (!form.Consented)
            {
                logger.LogInformation("Refusal for {Child} ({Mobile}) in {YearGroup}", form.ChildName, form.ParentMobile, form.YearGroup); // leak TC1001 direct
                Forms.Add(1, new KeyValuePair<string, object?>("refused_by", pseudonymizer.PseudonymizeHospschoolPupilId(form.NhsNumber).ToString())); // leak TC1003 precision-pseudonym
            }
            logger.LogDebug("Consent form {Form}", form); // leak TC1001 logging-objects
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }
}
