namespace PrivacyHoldout161.Energy;

/// <summary>Polls the car park's chargers for faults and tells the driver whose session was cut.</summary>
public sealed class ChargerFaultWorker(IQueueReceiver<ChargerSession> interrupted, IPassengerMessenger messenger, ILogger<ChargerFaultWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Utility.FieldTravel.Faults");
    private static readonly Meter Meter = new("Utility.FieldTravel.Faults");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var session = await interrupted.ReceiveAsync(stoppingToken);
            if (session is null)
            {
                continue;
            }

            using var span = Source.StartFieldtravelOperation("long-stay");
            var fault = new ChargerFaultException(session.ChargerId, "E42");
            span.RecordException(fault, includeMessage: true); // clean exceptions
            span.SetFieldtravelNote(BuildNotice(session)); // leak TC1001 strings
            span.SetFieldtravelNote(FaultLabel(session)); // clean strings
            Meter.CreateFieldtravelTripsCounter().Add(1, "long-stay", fieldtravelOutcome: "interrupted"); // clean generated-api
            Meter.CreateFieldtravelTripsCounter().Add(1, "long-stay", fieldtravelOutcome: session.Plate); // leak TC1003 generated-api
            await messenger.SendAsync(session.ParkingReference, "tpl-charge-interrupted", new Dictionary<string, string> { ["kwh"] = session.Kwh.ToString(CultureInfo.InvariantCulture) }, stoppingToken);
            logger.LogWarning(fault, "Charger fault, session of {Kwh} kWh interrupted", session.Kwh); // clean exceptions
            logger.LogWarning("Driver of {Plate} notified", session.Plate); // leak TC1001 direct
            logger.LogFieldtravelOperationFailedEvent("long-stay", "fault", fieldtravelNote: FaultLabel(session)); // clean strings
            Activity.Current?.SetBaggage("charger.id", session.ChargerId); // clean precision-names
        }
    }

    private static string BuildNotice(ChargerSession session) => $"Session {session.ParkingReference} for {session.Plate} stopped at {session.Kwh} kWh";

    private static string FaultLabel(ChargerSession session) => $"{session.Terminal}/{session.ChargerId}: {session.Kwh} kWh";
}
