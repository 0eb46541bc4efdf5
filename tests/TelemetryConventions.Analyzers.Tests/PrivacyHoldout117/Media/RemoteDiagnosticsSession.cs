namespace PrivacyHoldout117.Media;

/// <summary>
/// A support agent opens a remote diagnostics session on a subscriber's box: the box's logs are
/// pulled over MQTT on <c>stb/diag/{boxId}/logs</c> while the subscriber is on the phone.
/// </summary>
public sealed class RemoteDiagnosticsSession(
    ILogger<RemoteDiagnosticsSession> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly StbfleetPingsCounter _diag = meter.CreateStbfleetPingsCounter();

    public void Open(string boxId, Guid subscriberId, string subscriberPhone, string agentStaffNumber, string model)
    {
        using var span = source.StartStbfleetIngest($"stb/diag/{boxId}/logs"); // leak TC1001 strings
        span.SetStbfleetDeviceModel(model); // clean precision-names
        span.SetStbfleetSubscriberId(pseudonymizer.PseudonymizeStbfleetSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag(StbfleetAttributes.SubscriberContact, pseudonymizer.ComputeStbfleetSubscriberId(subscriberId.ToString())); // leak TC1001 precision-pseudonym
        span.SetStbfleetNote($"agent {agentStaffNumber} on call with {subscriberPhone}"); // leak TC1001 generated-api
        _diag.Add(1, model, pseudonymizer.ComputeStbfleetSubscriberId(subscriberId.ToString())); // leak TC1003 precision-pseudonym
        logger.LogInformation("Diagnostics opened on box {Box} for subscriber {Subscriber}", boxId, subscriberId); // leak TC1001 direct
        logger.LogInformation("Diagnostics opened by agent {Agent}", pseudonymizer.ComputeStbfleetEngineerId(agentStaffNumber)); // clean precision-pseudonym
    }
}
