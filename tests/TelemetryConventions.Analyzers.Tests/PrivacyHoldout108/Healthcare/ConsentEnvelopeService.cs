namespace PrivacyHoldout108.Healthcare;

public sealed record ConsentRequest(string HospitalNumber, string PatientName, string PatientEmail, string ProcedureCode, string ClinicianStaffId, string ClinicianEmail, string ClinicianName);

public sealed record ConsentSent(string EnvelopeId, string Status);

/// <summary>Sends a procedure consent form (template "Form 1") to a patient, copied to the consenting clinician, and opens in-clinic signing sessions on the ward tablet.</summary>
public sealed partial class ConsentEnvelopeService(
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ConsentEnvelopeService> logger)
{
    private const string ConsentTemplateId = "tpl-consent-form1-v7";

    public async Task<ConsentSent> SendAsync(ConsentRequest request, CancellationToken cancellationToken)
    {
        var definition = new EnvelopeDefinition
        {
            TemplateId = ConsentTemplateId,
            EmailSubject = "Please review and sign your consent form",
            TemplateRoles =
            [
                new TemplateRole { RoleName = "Patient", Email = request.PatientEmail, Name = request.PatientName },
                new TemplateRole { RoleName = "Clinician", Email = request.ClinicianEmail, Name = request.ClinicianName },
            ],
            CustomFields = new CustomFields
            {
                TextCustomFields = [new TextCustomField { Name = "HospitalNumber", Value = request.HospitalNumber, Show = "false" }],
            },
            Notification = new Notification
            {
                Reminders = new Reminders { ReminderEnabled = "true", ReminderDelay = options.ReminderDelayDays.ToString(CultureInfo.InvariantCulture), ReminderFrequency = options.ReminderFrequencyDays.ToString(CultureInfo.InvariantCulture) },
                Expirations = new Expirations { ExpireEnabled = "true", ExpireAfter = "14", ExpireWarn = "3" },
            },
            Status = "sent",
        };

        logger.LogInformation("Sending consent template {TemplateId} for procedure {ProcedureCode}", definition.TemplateId, request.ProcedureCode); // clean precision-names
        logger.LogDebug("Consent envelope for {PatientEmail} with {Roles} roles", request.PatientEmail, definition.TemplateRoles.Count); // leak TC1001 direct
        logger.LogDebug("Envelope definition {Definition}", definition); // clean logging-objects

        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
        var envelopeId = summary.EnvelopeId!;

        using var span = source.StartConsentsignEnvelopeSend(envelopeId)
            .SetConsentsignTemplateId(ConsentTemplateId) // clean generated-api
            .SetConsentsignRecipientCount(definition.TemplateRoles.Count) // clean generated-api
            .SetConsentsignSignerId(pseudonymizer.PseudonymizeConsentsignSignerId(request.HospitalNumber)) // clean precision-pseudonym
            .SetConsentsignSenderId(pseudonymizer.PseudonymizeConsentsignSenderId(request.ClinicianStaffId)) // clean precision-pseudonym
            .SetConsentsignEnvelopeStatus(summary.Status ?? "unknown"); // clean generated-api
        span.SetConsentsignNote($"consent {request.ProcedureCode} sent to {request.PatientName}"); // leak TC1001 generated-api

        span.Activity?.SetTag("consent.custom_fields", string.Join(";", definition.CustomFields.TextCustomFields!.Select(f => $"{f.Name}={f.Value}"))); // leak TC1001 strings
        span.Activity?.SetTag("consent.custom_field.names", string.Join(",", definition.CustomFields.TextCustomFields!.Select(f => f.Name))); // clean precision-names
        span.Activity?.SetTag("consent.reminder.frequency_days", definition.Notification.Reminders.ReminderFrequency); // clean precision-about
        span.Activity?.SetTag("consent.expire_after_days", definition.Notification.Expirations.ExpireAfter); // clean precision-about
        span.Activity?.SetTag("consent.patient.email_domain", request.PatientEmail[(request.PatientEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag(ConsentsignAttributes.SignerContact, request.PatientEmail); // leak TC1001 generated-api

        meter.CreateConsentsignEnvelopesCounter().Add(1, ConsentTemplateId, "sent"); // clean generated-api
        return new ConsentSent(envelopeId, summary.Status ?? "sent");
    }

    /// <summary>In clinic: the patient signs on the ward tablet, so the envelope's signer is embedded (its client user id is the hospital number).</summary>
    public async Task<string> OpenTabletSessionAsync(string envelopeId, ConsentRequest request, CancellationToken cancellationToken)
    {
        var view = new RecipientViewRequest
        {
            ReturnUrl = $"{options.ReturnUrlBase}/consent/{envelopeId}",
            AuthenticationMethod = "inPerson",
            Email = request.PatientEmail,
            UserName = request.PatientName,
            ClientUserId = request.HospitalNumber,
            FrameAncestors = "https://epr.example-trust.nhs.uk",
        };
        var session = await envelopes.CreateRecipientViewAsync(options.AccountId, envelopeId, view, cancellationToken);

        var activity = Activity.Current;
        activity?.SetTag("consent.session.return_url", view.ReturnUrl); // clean precision-names
        activity?.SetTag("consent.session.auth", view.AuthenticationMethod); // clean precision-names
        activity?.SetTag("consent.session.client_user", view.ClientUserId); // leak TC1001 cross-member
        activity?.AddEvent(new ActivityEvent("consent.session.opened", tags: new ActivityTagsCollection { ["url"] = session.Url })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("consent.session.opened.host", tags: new ActivityTagsCollection { ["host"] = new Uri(session.Url!).Host })); // clean precision-about
        SessionOpened(logger, envelopeId, request.HospitalNumber); // clean logging-objects
        SessionOpenedFor(logger, envelopeId, request.PatientName); // leak TC1001 logging-objects
        return session.Url!;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Tablet signing session opened for envelope {EnvelopeId} and patient {HospitalNumber}")]
    private static partial void SessionOpened(ILogger logger, string envelopeId, [PrivateData] string hospitalNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Tablet signing session opened for envelope {EnvelopeId}, signer {SignerName}")]
    private static partial void SessionOpenedFor(ILogger logger, string envelopeId, string signerName);
}
