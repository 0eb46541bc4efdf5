namespace PrivacyHoldout178.Media;

public static partial class PhoneInLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "Caller {CallerNumber} on {Show} flagged for welfare")]
    public static partial void CallerFlagged(ILogger logger, [PrivateData] string callerNumber, string show);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Producer passed {CallerName} to emergency services")]
    public static partial void PassedToEmergencyServices(ILogger logger, string callerName);
}

/// <summary>A live phone-in's welfare path: a caller in distress is kept on the line and the producer calls 999 for them.</summary>
public sealed class PhoneInWelfareService(Pseudonymizer pseudonymizer, ILogger<PhoneInWelfareService> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.PhoneIn");
    private static readonly Meter Meter = new("Broadcaster.PhoneIn");
    private static readonly Counter<long> Flags = Meter.CreateCounter<long>("phonein.welfare.flags");

    private PhoneInCaller? _onHold;

    public void Flag(PhoneInCaller caller, string producerStaffNumber)
    {
        _onHold = caller;
        using var span = Source.StartFactualtvOperation(caller.Show);
        span.SetFactualtvCallerId(pseudonymizer.PseudonymizeFactualtvCallerId(caller.CallerNumber)); // clean precision-pseudonym
        span.SetFactualtvResponderId(pseudonymizer.PseudonymizeFactualtvResponderId(producerStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("phonein.slot", caller.Slot); // clean precision-names
        span.Activity?.SetTag("phonein.show", caller.Show); // clean precision-names
        span.Activity?.SetTag("phonein.caller.prefix", caller.CallerNumber[..4]); // clean precision-about
        span.Activity?.SetTag("phonein.producer", producerStaffNumber); // leak TC1001 direct
        PhoneInLog.CallerFlagged(logger, caller.CallerNumber, caller.Show); // clean logging-objects
        PhoneInLog.PassedToEmergencyServices(logger, caller.CallerName); // leak TC1001 direct
        Flags.Add(1, new KeyValuePair<string, object?>("show", caller.Show)); // clean precision-about
        Flags.Add(1, new KeyValuePair<string, object?>("caller", caller.CallerNumber)); // leak TC1003 direct
        logger.LogInformation("On hold: {Caller}", caller); // leak TC1001 logging-objects
        span.SetFactualtvNote($"Slot {caller.Slot} held for welfare"); // clean generated-api
        span.SetFactualtvNote("Hold " + caller.CallerName + " until 999 connects"); // leak TC1001 generated-api
        logger.LogFactualtvOperationFailedEvent(caller.Show, "held", factualtvCallerId: pseudonymizer.PseudonymizeFactualtvCallerId(caller.CallerNumber)); // clean precision-pseudonym
    }

    public void Release()
    {
        if (_onHold is null)
        {
            return;
        }

        Activity.Current?.SetTag("phonein.released", _onHold.CallerNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("phonein.released.slot", _onHold.Slot); // clean cross-member
        logger.LogInformation("Released {Name}", _onHold.CallerName); // leak TC1001 cross-member
        _onHold = null;
    }
}
