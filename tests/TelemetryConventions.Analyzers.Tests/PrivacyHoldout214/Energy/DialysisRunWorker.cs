namespace PrivacyHoldout214.Energy;

/// <summary>A priority-register customer on home dialysis asks the supplier's volunteer scheme for a lift to the renal unit.</summary>
public sealed record DialysisLiftRequest(string AccountNumber, string MeterSerial, string CustomerName, string Mobile, string Postcode, string RenalUnitCode, DateTimeOffset SessionAt, bool NeedsWheelchairSpace, string? AccessNotes);

public sealed partial class DialysisRunWorker(
    IQueueReceiver<DialysisLiftRequest> queue,
    IDriverRegistry drivers,
    IDispatchGateway dispatch,
    IRiderNotifier notifier,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<DialysisRunWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Energy.DialysisRuns");
    private readonly Counter<long> _lifts = meter.CreateCounter<long>("warm.lifts");
    private readonly List<string> _unplacedAccounts = new();
    private VolunteerDriver? _lastDriver;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("warm.lift.plan");
            activity?.SetTag("warm.account", request.AccountNumber); // leak TC1001 direct
            activity?.SetTag("warm.meter.serial", request.MeterSerial); // leak TC1001 direct
            activity?.SetTag("warm.meter.model", request.MeterSerial[..3]); // clean precision-about
            activity?.SetTag("warm.renal_unit", request.RenalUnitCode); // clean precision-names
            activity?.SetTag("warm.wheelchair_space", request.NeedsWheelchairSpace); // clean precision-about
            activity?.SetTag("warm.access_notes.present", !string.IsNullOrEmpty(request.AccessNotes)); // clean precision-about
            activity?.SetTag("warm.customer.ref", pseudonymizer.ComputeWarmrideClientId(request.AccountNumber)); // clean precision-pseudonym
            LogLiftRequested(logger, request.RenalUnitCode, request.CustomerName, request.Postcode); // clean logging-objects
            LogAccessNotes(logger, request.AccountNumber, request.AccessNotes); // leak TC1001 logging-objects

            var available = await drivers.AvailableAsync(options.DepotCode, request.SessionAt, stoppingToken);
            activity?.SetTag("warm.drivers.available", available.Count); // clean precision-about
            var driver = available.FirstOrDefault(d => d.SeatsFree > 0);
            if (driver is null)
            {
                _unplacedAccounts.Add(request.AccountNumber);
                var noVehicle = new NoVehicleAvailableException(request.RenalUnitCode, request.SessionAt);
                activity?.SetStatus(ActivityStatusCode.Error, noVehicle.Message); // clean exceptions
                logger.LogWarning(noVehicle, "Lift unplaced"); // clean exceptions
                _lifts.Add(1, new KeyValuePair<string, object?>("outcome", "unplaced")); // clean precision-about
                continue;
            }

            _lastDriver = driver;
            activity?.SetTag("warm.driver.name", driver.FullName); // leak TC1001 direct
            activity?.SetTag("warm.driver.depot", driver.DepotCode); // clean precision-names
            activity?.SetTag("warm.driver.seats_free", driver.SeatsFree); // clean precision-about

            try
            {
                var journeyId = await dispatch.DispatchAsync(new TransportBooking(Guid.NewGuid(), request.AccountNumber, request.Postcode, request.Postcode, request.SessionAt.AddHours(-1), request.RenalUnitCode, request.NeedsWheelchairSpace ? "wheelchair" : "walking", false), driver, stoppingToken);
                activity?.SetTag("warm.journey.id", journeyId); // clean precision-names
                await notifier.SendTextAsync(request.Mobile, $"Your lift to {request.RenalUnitCode} is booked", stoppingToken);
                logger.LogInformation("Text sent to {Mobile}", request.Mobile); // leak TC1001 direct
                logger.LogInformation("Text sent for journey {JourneyId}", journeyId); // clean precision-names
            }
            catch (DispatchGatewayException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                activity?.SetTag("warm.dispatch.status", ex.StatusCode); // clean exceptions
            }
            catch (DriverDeclinedException ex)
            {
                logger.LogWarning(ex, "Driver declined"); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("warm.driver.declined", tags: new ActivityTagsCollection { ["reason"] = ex.Message })); // leak TC1001 exceptions
            }

            using var span = Source.StartWarmrideOperation(request.RenalUnitCode); // clean generated-api
            span.SetWarmrideClientId(pseudonymizer.PseudonymizeWarmrideClientId(request.AccountNumber)); // clean generated-api
            span.SetWarmrideMode("volunteer-car"); // clean generated-api
            span.SetWarmrideNote(request.AccessNotes ?? string.Empty); // leak TC1001 generated-api
            span.SetWarmrideClientId(Pseudonym.FromComputed(request.MeterSerial)); // leak TC1001 generated-api
            meter.CreateWarmrideOperationsCounter().Add(1, request.RenalUnitCode); // clean generated-api
            var bucket = HashCode.Combine(request.AccountNumber, request.RenalUnitCode) & 0xF;
            _lifts.Add(1, new KeyValuePair<string, object?>("bucket", bucket)); // leak TC1002 hashes
        }
    }

    public void ReportBacklog()
    {
        logger.LogWarning("Unplaced lifts: {Accounts}", string.Join(",", _unplacedAccounts)); // leak TC1001 cross-member
        logger.LogWarning("Unplaced lifts: {Count}", _unplacedAccounts.Count); // clean cross-member
        Activity.Current?.SetTag("warm.last_driver.registration", _lastDriver?.VehicleRegistration); // leak TC1001 cross-member
        Activity.Current?.SetTag("warm.last_driver.depot", _lastDriver?.DepotCode); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lift requested to {RenalUnit} for {CustomerName} from {Postcode}")]
    private static partial void LogLiftRequested(ILogger logger, string renalUnit, [PrivateData] string customerName, [PrivateData] string postcode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Access notes for {AccountNumber}: {Notes}")]
    private static partial void LogAccessNotes(ILogger logger, [PrivateData] string accountNumber, string? notes);
}
