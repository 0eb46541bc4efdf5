namespace PrivacyHoldout141.Healthcare;

/// <summary>
/// Reads the ride partner's trip status events (the topic is keyed by the partner's trip reference), tells
/// the clinic when a patient will be late and marks missed appointments when the driver reports a no-show.
/// </summary>
public sealed partial class ClinicRideStatusConsumer(
    IConsumer<string, TripStatusEvent> consumer,
    IPatientTransportStore store,
    IClinicNotifier notifier,
    Pseudonymizer pseudonymizer,
    RidePlatformOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<ClinicRideStatusConsumer> logger) : BackgroundService
{
    private readonly Histogram<double> _lateness = meter.CreateHistogram<double>("patientride.lateness", "min");
    private readonly Dictionary<string, int> _noShowsByPatient = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("patientride.status");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset);
            await HandleAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(TripStatusEvent status, Activity? activity, CancellationToken cancellationToken)
    {
        logger.LogDebug("Status event {Event}", status); // leak TC1001 logging-objects
        activity?.SetTag("patientride.status", status.Status);

        var booking = await store.FindByTripAsync(status.TripRef, cancellationToken);
        if (booking is null)
        {
            logger.LogWarning("Status {Status} for unknown trip {TripRef}", status.Status, status.TripRef); // clean precision-names
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TripRef"] = status.TripRef, ["Clinic"] = booking.ClinicCode }); // clean precision-names
        activity?.SetBaggage("patientride.patient", pseudonymizer.ComputePatientridePatientId(booking.NhsNumber)); // clean precision-pseudonym

        switch (status.Status)
        {
            case "driver_assigned":
                Log.DriverAssigned(logger, status.DriverName, status.TripRef); // clean logging-objects
                Log.DriverAssignedForDispatch(logger, status.DriverName, booking.ClinicCode); // leak TC1001 logging-objects
                activity?.SetTag("patientride.vehicle.plate", status.VehicleRegistration); // leak TC1001 direct
                break;

            case "en_route":
                var late = booking.AppointmentAt - status.At - TimeSpan.FromMinutes(status.EtaMinutes);
                if (-late > options.LatePickupThreshold)
                {
                    _lateness.Record(-late.TotalMinutes, new KeyValuePair<string, object?>("clinic", booking.ClinicCode)); // clean precision-about
                    await notifier.AlertClinicAsync(booking.ClinicCode, booking.AppointmentId, $"{booking.PatientName} will be about {-late.TotalMinutes:F0} minutes late", cancellationToken);
                    logger.LogInformation("Told {Clinic} that appointment {AppointmentId} runs late", booking.ClinicCode, booking.AppointmentId); // clean precision-names
                    activity?.AddEvent(new ActivityEvent("patient.late", tags: new ActivityTagsCollection { ["driver.position"] = status.DriverPosition.ToString() })); // leak TC1001 direct
                    activity?.AddEvent(new ActivityEvent("patient.late.area", tags: new ActivityTagsCollection { ["driver.area"] = status.DriverPosition.Rounded(1).ToString() })); // clean precision-about
                }

                break;

            case "no_show":
                await store.MarkMissedAsync(booking.AppointmentId, "PT-NOSHOW", cancellationToken);
                _noShowsByPatient[booking.NhsNumber] = _noShowsByPatient.GetValueOrDefault(booking.NhsNumber) + 1;
                logger.LogWarning("Driver reported no-show for {AppointmentId}; no-shows so far {NoShows}", booking.AppointmentId, _noShowsByPatient); // leak TC1001 logging-objects
                logger.LogWarning("Patients with a no-show this week: {Count}", _noShowsByPatient.Count); // clean precision-about
                logger.LogPatientrideBookingFailedEvent(booking.ClinicCode, "no-show", pseudonymizer.PseudonymizePatientridePatientId(booking.NhsNumber), $"No-show reported at {status.At:t} by the driver"); // clean generated-api
                meter.CreatePatientrideTripsCounter().Add(1, booking.ClinicCode, "no-show");
                break;

            case "dropped_off":
                var driver = pseudonymizer.PseudonymizePatientrideDriverId(status.DriverId);
                new PatientrideOperationSpan(activity).SetPatientrideDriverId(driver).SetPatientrideOutcome("dropped-off"); // clean generated-api
                meter.CreatePatientridePickupWaitHistogram().Record((status.At - booking.AppointmentAt).TotalSeconds, booking.ClinicCode); // clean generated-api
                activity?.SetTag("patientride.driver.id", status.DriverId); // leak TC1001 direct
                break;

            default:
                activity?.SetStatus(ActivityStatusCode.Error, $"Unexpected status {status.Status} for {status.TripRef}"); // clean precision-names
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Driver {DriverName} assigned to trip {TripRef}")]
        public static partial void DriverAssigned(ILogger logger, [PrivateData] string driverName, string tripRef);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Dispatch assigned {DriverName} for clinic {Clinic}")]
        public static partial void DriverAssignedForDispatch(ILogger logger, string driverName, string clinic);
    }
}
