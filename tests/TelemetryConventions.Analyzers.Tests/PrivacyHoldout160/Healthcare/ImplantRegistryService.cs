namespace PrivacyHoldout160.Healthcare;

/// <summary>Registers implanted devices (pacemakers, hips, cochlear implants) and writes to patients affected by a recall.</summary>
public sealed partial class ImplantRegistryService(
    IImplantRegistry registry,
    IPatientMessenger messenger,
    ILogger<ImplantRegistryService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    MedTechOptions options)
{
    public async Task RegisterAsync(ImplantRegistration registration, CancellationToken cancellationToken)
    {
        using var span = source.StartHomecareOperation(registration.Hospital);
        span.SetHomecarePatientId(pseudonymizer.PseudonymizeHomecarePatientId(registration.NhsNumber)); // clean generated-api
        span.SetHomecareNurseId(pseudonymizer.PseudonymizeHomecareNurseId(registration.SurgeonStaffId)); // clean generated-api
        span.SetHomecareDeviceModel(registration.Model); // clean generated-api
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ImplantSerial"] = registration.ImplantSerial }); // leak TC1001 direct
        logger.LogInformation("Registering {Model} lot {Lot} at {Hospital}", registration.Model, registration.LotNumber, registration.Hospital); // clean precision-about

        var existing = await registry.FindBySerialAsync(registration.ImplantSerial, cancellationToken);
        if (existing is not null)
        {
            var ex = new ImplantAlreadyRegisteredException(registration.ImplantSerial, existing.NhsNumber);
            span.SetHomecareNote(ex.Message); // leak TC1001 generated-api
            span.SetHomecareOutcome("duplicate"); // clean generated-api
            LogDuplicate(logger, existing.RegistrationId, registration.NhsNumber); // leak TC1001 logging-objects
            LogDuplicateRedacted(logger, existing.RegistrationId, registration.NhsNumber); // clean logging-objects
            throw ex;
        }

        await registry.SaveAsync(registration, cancellationToken);
        logger.LogInformation("Registered implant for {PatientName}", registration.PatientName); // leak TC1001 precision-names
        logger.LogInformation("Registered {RegistrationId} by surgeon {Surgeon}", registration.RegistrationId, pseudonymizer.ComputeHomecareNurseId(registration.SurgeonStaffId)); // clean precision-pseudonym
        meter.CreateHomecareOperationsCounter().Add(1, registration.Hospital, homecareOutcome: "registered"); // clean generated-api
    }

    public async Task NotifyRecallAsync(ImplantRecall recall, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ImplantRecall");
        activity?.SetTag("recall.id", recall.RecallId); // clean precision-names
        activity?.SetTag("recall.lot", recall.LotNumber); // clean precision-names
        logger.LogWarning("Recall {Recall}", recall); // clean logging-objects

        var affected = await registry.AffectedByAsync(recall, cancellationToken);
        activity?.SetTag("recall.patients", affected.Count); // clean precision-about
        foreach (var registration in affected)
        {
            await messenger.LetterAsync(registration.NhsNumber, options.RecallTemplateId, cancellationToken);
            activity?.AddEvent(new ActivityEvent("letter.sent", tags: new ActivityTagsCollection { ["implant.serial"] = registration.ImplantSerial })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("letter.queued", tags: new ActivityTagsCollection { ["template"] = options.RecallTemplateId })); // clean precision-names
        }

        var affectedNames = string.Join(", ", affected.Select(r => r.PatientName));
        logger.LogInformation("Recall letters sent to {Patients}", affectedNames); // leak TC1001 strings
        try
        {
            await registry.FindBySerialAsync("probe", cancellationToken);
        }
        catch (RegistryUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Registration {RegistrationId} duplicates the implant of {NhsNumber}")]
    private static partial void LogDuplicate(ILogger logger, string registrationId, string nhsNumber);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Registration {RegistrationId} duplicates the implant of {NhsNumber}")]
    private static partial void LogDuplicateRedacted(ILogger logger, string registrationId, [PrivateData] string nhsNumber);
}
