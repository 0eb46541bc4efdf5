namespace PrivacyHoldout155.Energy;

/// <summary>
/// Reads faults residents report through the provider's helpline (no heating, meter out of credit, a broken boiler)
/// and sends them to the maintenance contractor with the contract region's deadline.
/// </summary>
public sealed partial class ResidentFaultConsumer(
    IQueueReceiver<ResidentFault> faults,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ResidentFaultConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _faults = meter.CreateCounter<long>("resident.faults", "{fault}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await faults.ReceiveAsync(stoppingToken) is { } fault)
        {
            using var activity = source.StartActivity("fault.received", ActivityKind.Consumer);
            activity?.SetTag("fault.id", fault.FaultId); // clean precision-about
            activity?.SetTag("fault.description", fault.Description); // leak TC1001 direct
            activity?.SetTag("fault.description.length", fault.Description.Length); // clean precision-about
            activity?.SetTag("fault.phone_supplied", !string.IsNullOrEmpty(fault.Phone)); // clean precision-about
            activity?.SetTag("fault.callback_number", fault.Phone); // leak TC1001 direct
            activity?.SetTag("fault.resident", pseudonymizer.ComputeDispersalResidentId(fault.HoReference)); // clean precision-pseudonym
            activity?.SetBaggage("fault.resident", fault.HoReference); // leak TC1001 direct
            FaultLogged(logger, fault.FaultId, fault.Phone); // clean logging-objects
            FaultEscalated(logger, fault.FaultId, fault.Description); // leak TC1001 logging-objects
            _faults.Add(1, new KeyValuePair<string, object?>("fault.kind", Classify(fault.Description))); // clean precision-about
            _faults.Add(1, new KeyValuePair<string, object?>("fault.resident", pseudonymizer.PseudonymizeDispersalResidentId(fault.HoReference).Value)); // leak TC1003 precision-pseudonym
            var priority = Priority(fault);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["FaultId"] = fault.FaultId, ["PropertyId"] = fault.PropertyId }); // leak TC1001 logging-objects
            logger.LogInformation("Fault {FaultId} sent to contractor at priority {Priority}", fault.FaultId, priority); // clean strings
        }
    }

    private static string Classify(string description) =>
        description.Contains("heat", StringComparison.OrdinalIgnoreCase) ? "heating" : description.Contains("credit", StringComparison.OrdinalIgnoreCase) ? "credit" : "other";

    private static string Priority(ResidentFault fault) => Classify(fault.Description) == "heating" ? "P1" : "P3";

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Fault {FaultId} logged, call back on {Phone}")]
    private static partial void FaultLogged(ILogger logger, string faultId, [PrivateData] string phone);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Fault {FaultId} escalated: {Description}")]
    private static partial void FaultEscalated(ILogger logger, string faultId, string description);
}
