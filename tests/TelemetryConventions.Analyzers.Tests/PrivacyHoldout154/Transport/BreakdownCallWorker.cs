namespace PrivacyHoldout154.Transport;

/// <summary>Reads breakdown calls from the contact centre's topic (keyed by job id), checks cover and hands them to dispatch.</summary>
public sealed class BreakdownCallWorker(
    IConsumer<string, BreakdownCall> consumer,
    IMemberDirectory members,
    IDispatchBoard dispatch,
    IMemberTexter texter,
    ILogger<BreakdownCallWorker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter) : BackgroundService
{
    private static readonly Counter<long> Calls = new Meter("Recovery.Calls").CreateCounter<long>("recovery.calls.received");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var call = result.Message.Value;
            var region = RegionOf(call.Latitude, call.Longitude);
            using var span = source.StartRecoveryOperation(region);
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("recovery.job_id", call.JobId); // clean precision-names
            Activity.Current?.SetTag("recovery.position", $"{call.Latitude},{call.Longitude}"); // leak TC1001 strings
            Activity.Current?.SetTag("recovery.position_rounded", $"{Math.Round(call.Latitude, 1)},{Math.Round(call.Longitude, 1)}"); // clean precision-about
            Activity.Current?.SetTag("recovery.what3words", call.What3Words); // leak TC1001 direct
            Activity.Current?.SetTag("recovery.fault_length", call.FaultDescription.Length); // clean precision-about
            logger.LogInformation("Breakdown {Call}", call); // leak TC1001 logging-objects
            logger.LogInformation("Breakdown reported: {Fault}", call.FaultDescription); // leak TC1001 direct
            Calls.Add(1, new KeyValuePair<string, object?>("recovery.region", region)); // clean precision-about
            Calls.Add(1, new KeyValuePair<string, object?>("recovery.vehicle", call.Registration)); // leak TC1003 direct

            try
            {
                var member = await members.FindAsync(call.MembershipNumber, stoppingToken) ?? throw new MembershipLapsedException(call.MembershipNumber);
                span.SetRecoveryMemberId(pseudonymizer.PseudonymizeRecoveryMemberId(member.MembershipNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag("recovery.cover_level", member.CoverLevel); // clean precision-about
                logger.LogInformation("Cover {Cover} for {Member}", member.CoverLevel, member.Name); // leak TC1001 direct
                var dispatched = await dispatch.DispatchAsync(call, stoppingToken);
                logger.LogInformation("Dispatched {Dispatch}", dispatched); // clean logging-objects
                await texter.TextAsync(member.Mobile, $"Your patrol {dispatched.CallSign} is {dispatched.EtaMinutes} minutes away", stoppingToken);
                span.SetRecoveryOutcome("dispatched"); // clean generated-api
                meter.CreateRecoveryCalloutsCounter().Add(1, region, "dispatched"); // clean generated-api
            }
            catch (MembershipLapsedException ex)
            {
                logger.LogWarning(ex, "Call {JobId} refused", call.JobId); // leak TC1001 exceptions
                span.SetRecoveryOutcome("lapsed"); // clean generated-api
                span.SetRecoveryNote($"lapsed; pay-on-use offered to {call.Mobile}"); // leak TC1001 generated-api
            }
            catch (NoPatrolAvailableException ex)
            {
                logger.LogWarning(ex, "Call {JobId} queued", call.JobId); // clean exceptions
                Activity.Current?.AddException(ex); // clean exceptions
                meter.CreateRecoveryCalloutsCounter().Add(1, ex.Region, "queued"); // clean generated-api
            }

            consumer.Commit(result);
        }
    }

    private static string RegionOf(double latitude, double longitude) => latitude > 53.5 ? "north" : longitude < -2.5 ? "west" : "south";
}
