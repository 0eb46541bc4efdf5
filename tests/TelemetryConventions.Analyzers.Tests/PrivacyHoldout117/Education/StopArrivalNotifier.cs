namespace PrivacyHoldout117.Education;

/// <summary>A guardian who asked to be told when the bus nears their child's stop.</summary>
public sealed record GuardianSubscription(string GuardianPhone, string StudentNumber, string StudentName, string StopCode);

/// <summary>Could not text a guardian: the gateway quotes the number it refused.</summary>
public sealed class SmsRejectedException(string to, string code) : Exception($"SMS to {to} rejected: {code}")
{
    public string Code { get; } = code;
}

/// <summary>
/// Raises "bus is five minutes away" texts when a school bus enters the approach fence of a stop.
/// Stops and their fences are the trust's; guardians and children are people.
/// </summary>
public sealed class StopArrivalNotifier(
    IGeofenceEngine fences,
    ILogger<StopArrivalNotifier> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Func<string, string, Task> sendSms)
{
    public async Task OnBusPositionAsync(string busId, GeoPoint position, IReadOnlyList<GuardianSubscription> subscriptions)
    {
        foreach (var transition in fences.Evaluate(busId, position, DateTimeOffset.UtcNow))
        {
            using var span = source.StartBusfleetIngest("trust/buses/+/position");
            span.SetBusfleetGeofenceId(transition.FenceId); // clean precision-names
            logger.LogInformation("Bus transition {@Transition}", transition); // clean logging-objects

            var waiting = subscriptions.Where(s => $"approach-{s.StopCode}" == transition.FenceId).ToList();
            span.SetBusfleetPingCount(waiting.Count); // clean precision-about
            span.SetBusfleetNote($"{waiting.Count} guardians to notify at {transition.FenceId}"); // clean generated-api

            foreach (var subscription in waiting)
            {
                try
                {
                    await sendSms(subscription.GuardianPhone, $"Bus {busId} is about 5 minutes from stop {subscription.StopCode}.");
                    logger.LogDebug("Notified guardian of {Child}", subscription.StudentName); // leak TC1001 direct
                }
                catch (SmsRejectedException ex)
                {
                    logger.LogWarning(ex, "Guardian text failed"); // leak TC1001 exceptions
                    span.Activity?.SetTag("sms.error.code", ex.Code); // clean exceptions
                    span.Activity?.SetTag(BusfleetAttributes.StudentContact, pseudonymizer.ComputeBusfleetStudentId(subscription.StudentNumber)); // leak TC1001 precision-pseudonym
                    logger.LogBusfleetPingRejectedEvent("trust/buses/+/position", "sms_failed", pseudonymizer.PseudonymizeBusfleetStudentId(subscription.StudentNumber), ex.GetType().Name); // clean generated-api
                }
            }

            logger.LogInformation("Subscriptions at stop: {Subscriptions}", waiting); // leak TC1001 logging-objects
            logger.LogInformation("Guardian phones' area codes: {Areas}", string.Join(",", waiting.Select(s => s.GuardianPhone[..5]).Distinct())); // clean precision-about
        }
    }
}
