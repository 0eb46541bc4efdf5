namespace PrivacyHoldout143.Healthcare;

/// <summary>
/// The ward door readers' endpoint for assistance dog passes, and the boarding of a dog at the partner kennels
/// while its handler is admitted.
/// </summary>
public sealed class WardDogDoorHandler(
    IAssistanceDogRegister register,
    IKennelPartner kennels,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<WardDogDoorHandler> logger)
{
    private const string Kennel = "city-kennels";

    private readonly Counter<long> _doorChecks = meter.CreateCounter<long>("wardpaws.door.checks", "{check}");

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/ward-doors/{doorId}/dog-pass", CheckAsync);
        routes.MapPost("/ward-dogs/{passId}/kennel", BoardAsync);
    }

    public async Task<WardDoorDecision> CheckAsync(string doorId, string token, string ward, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = Activity.Current;
        activity?.SetTag("wardpaws.door", doorId); // clean precision-names
        activity?.SetTag("wardpaws.pass.token_length", token.Length); // clean precision-about

        AssistanceDogRegistration? registration;
        try
        {
            registration = await register.FindByPassTokenAsync(token, cancellationToken);
        }
        catch (WardPassRevokedException ex)
        {
            logger.LogWarning(ex, "Dog pass refused at {DoorId}", doorId); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return new WardDoorDecision(doorId, false, "revoked");
        }

        if (registration is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "unknown pass");
            return new WardDoorDecision(doorId, false, "unknown-pass");
        }

        activity.EnrichWardpawsOperation(ward).SetWardpawsPatientId(pseudonymizer.PseudonymizeWardpawsPatientId(registration.HospitalNumber)); // clean generated-api
        activity?.SetBaggage("wardpaws.handler", pseudonymizer.ComputeWardpawsPatientId(registration.HospitalNumber)); // clean precision-pseudonym

        var allowed = string.Equals(registration.Ward, ward, StringComparison.OrdinalIgnoreCase) || registration.DogType == "guide";
        var decision = new WardDoorDecision(doorId, allowed, allowed ? "ok" : "other-ward");
        logger.LogInformation("Door decision {Decision} for a {DogType} dog", decision, registration.DogType); // clean logging-objects
        if (!allowed)
        {
            logger.LogWarning("{Handler} with {Dog} tried {Ward}, registered for {Registered}", registration.HandlerName, registration.DogName, ward, registration.Ward); // leak TC1001 direct
            var refusal = new DogNotApprovedException(registration.DogName, ward);
            activity?.AddException(refusal); // clean exceptions
        }

        meter.CreateWardpawsCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, wardpawsWard: ward); // clean generated-api
        _doorChecks.Add(1, new KeyValuePair<string, object?>("door", doorId), new KeyValuePair<string, object?>("allowed", allowed)); // clean precision-about
        return decision;
    }

    public async Task<ActionResult> BoardAsync(string passId, DateOnly admittedOn, DateOnly expectedDischarge, string emergencyPhone, CancellationToken cancellationToken)
    {
        var registration = await register.FindByPassAsync(passId, cancellationToken);
        if (registration is null)
        {
            return new NotFoundResult("unknown-pass");
        }

        using var span = source.StartWardpawsOperation(registration.Ward);
        var patient = pseudonymizer.PseudonymizeWardpawsPatientId(registration.HospitalNumber);
        span.SetWardpawsPatientId(patient);
        var nights = expectedDischarge.DayNumber - admittedOn.DayNumber;
        span.SetWardpawsNote($"kennel for {nights} nights from {admittedOn:yyyy-MM-dd}"); // clean generated-api
        Activity.Current?.SetTag("wardpaws.kennel.cohort", BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(registration.HospitalNumber))) % 20); // leak TC1002 hashes

        var run = await kennels.FreeRunAsync(Kennel, "large", admittedOn, expectedDischarge, cancellationToken);
        if (run is null)
        {
            var full = new KennelFullException(Kennel, admittedOn);
            span.RecordException(full, includeMessage: true); // clean exceptions
            logger.LogWardpawsOperationFailedEvent(registration.Ward, "kennel-full", wardpawsPatientId: patient, wardpawsNote: full.Message); // clean generated-api
            return new BadRequestResult("kennel-full");
        }

        var stay = await kennels.BookAsync(Kennel, run.RunId, registration.DogName, admittedOn, expectedDischarge, emergencyPhone, cancellationToken);
        logger.LogInformation("Kennel stay booked {Stay}", stay); // leak TC1001 logging-objects
        logger.LogInformation("Stay {StayId} in run {Run} for {Nights} nights", stay.StayId, run.RunId, nights); // clean precision-names
        logger.LogDebug("Run chosen {Run}", run); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("wardpaws.kennel.booked", tags: new ActivityTagsCollection { ["wardpaws.kennel.contact"] = emergencyPhone })); // leak TC1001 direct
        span.SetWardpawsOutcome("boarded");
        meter.CreateWardpawsVisitsCounter().Add(1, wardpawsWard: registration.Ward, wardpawsOutcome: "boarded");
        return new OkResult(stay.StayId);
    }
}
