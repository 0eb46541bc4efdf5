namespace PrivacyHoldout178.Transport;

/// <summary>The train operator's control: a guard reports a passenger taken ill, control asks for an ambulance to meet the train.</summary>
public sealed class OnTrainEmergencyService(Pseudonymizer pseudonymizer, ILogger<OnTrainEmergencyService> logger)
{
    private static readonly ActivitySource Source = new("TrainOperator.Control");
    private static readonly Meter Meter = new("TrainOperator.Control");
    private static readonly Counter<long> Emergencies = Meter.CreateCounter<long>("control.on_train_emergencies");
    private static readonly Histogram<double> MeetDelay = Meter.CreateHistogram<double>("control.ambulance_meet_delay", "min");

    public void Report(TrainEmergency emergency, string guardStaffNumber, string meetAtStation)
    {
        using var span = Source.StartRailsafeOperation(meetAtStation).SetRailsafePriority(emergency.ConditionCode); // clean precision-about
        span.Activity?.SetTag("train.headcode", emergency.Headcode); // clean precision-names
        span.Activity?.SetTag("train.coach", emergency.Coach); // clean precision-names
        span.Activity?.SetTag("incident.number", emergency.IncidentNumber); // clean precision-names
        span.SetRailsafeCallerId(pseudonymizer.PseudonymizeRailsafeCallerId(emergency.PassengerPhone)); // clean precision-pseudonym
        span.SetRailsafeResponderId(pseudonymizer.PseudonymizeRailsafeResponderId(guardStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("passenger.name", emergency.PassengerName); // leak TC1001 direct
        span.Activity?.SetTag("guard.staff_number", guardStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag(RailsafeAttributes.Contact, pseudonymizer.PseudonymizeRailsafeCallerId(emergency.PassengerPhone).Value); // leak TC1001 precision-pseudonym
        logger.LogWarning("Passenger {Name} ({Phone}) taken ill in coach {Coach} of {Headcode}", emergency.PassengerName, emergency.PassengerPhone, emergency.Coach, emergency.Headcode); // leak TC1001 direct
        logger.LogWarning("Passenger taken ill in coach {Coach} of {Headcode}, ambulance to meet at {Station}", emergency.Coach, emergency.Headcode, meetAtStation); // clean precision-names
        Emergencies.Add(1, new KeyValuePair<string, object?>("condition", emergency.ConditionCode), new KeyValuePair<string, object?>("station", meetAtStation)); // clean precision-about
        Emergencies.Add(1, new KeyValuePair<string, object?>("guard", guardStaffNumber)); // leak TC1003 direct
        MeetDelay.Record(6, new KeyValuePair<string, object?>("station", meetAtStation)); // clean precision-about
        Meter.CreateRailsafeOperationsCounter().Add(1, meetAtStation, "ambulance-met"); // clean generated-api
        Meter.CreateRailsafeOperationDurationHistogram().Record(360, meetAtStation); // clean generated-api
        span.SetRailsafeNote($"Ambulance to meet {emergency.Headcode} coach {emergency.Coach} at {meetAtStation}"); // clean generated-api
        span.SetRailsafeNote($"Passenger phone {emergency.PassengerPhone}"); // leak TC1001 generated-api
        var notice = BuildAnnouncement(emergency);
        span.Activity?.AddEvent(new ActivityEvent("announcement", tags: new ActivityTagsCollection { ["text"] = notice })); // clean strings
        var handover = BuildHandover(emergency);
        logger.LogInformation("Handover to ambulance: {Handover}", handover); // leak TC1001 strings
        logger.LogInformation("Emergency {Emergency}", emergency); // leak TC1001 logging-objects
        var masked = emergency with { PassengerName = "", PassengerPhone = emergency.PassengerPhone[..4] + "*******" };
        logger.LogInformation("Emergency {Emergency}", masked); // clean logging-objects
    }

    private static string BuildAnnouncement(TrainEmergency emergency) =>
        $"Is there a medical professional on board? Please make yourself known to the guard in coach {emergency.Coach}.";

    private static string BuildHandover(TrainEmergency emergency) =>
        $"{emergency.PassengerName}, {emergency.ConditionCode}, coach {emergency.Coach}";
}
