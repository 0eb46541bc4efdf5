namespace PrivacyHoldout117.Transport;

/// <summary>A driver signing in on a vehicle's on-board unit with their staff card.</summary>
public sealed record DriverLogin(string VehicleId, string DriverStaffNumber, string CardUid, DateTimeOffset At);

/// <summary>A harsh driving event the unit raises: kind, g-force, position, the signed-in driver.</summary>
public sealed record HarshEvent(string VehicleId, string Kind, double GForce, GeoPoint Position, string? DriverStaffNumber);

/// <summary>
/// The operator's vehicles' on-board units publish on <c>fleet/{vehicleId}/{stream}</c>; the platform
/// consumes telemetry, driver logins and harsh events, and rolls out OBU firmware by depot.
/// </summary>
public sealed class OnboardUnitTelemetry(
    ILogger<OnboardUnitTelemetry> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    IMqttClient mqtt)
{
    private readonly RidefleetPingsCounter _pings = meter.CreateRidefleetPingsCounter();
    private readonly Counter<long> _harsh = meter.CreateCounter<long>("ridefleet.harsh_events");
    private readonly ConcurrentDictionary<string, string> _driverOnVehicle = new();

    public void OnTelemetry(string vehicleId, TelematicsPing ping)
    {
        using var span = source.StartRidefleetIngest($"fleet/{vehicleId}/telemetry"); // clean strings
        span.Activity?.SetTag("vehicle.position", ping.Position); // clean precision-names
        span.Activity?.SetTag("vehicle.heading", ping.Heading); // clean precision-about
        _pings.Add(1, "obu-4g", ping.Ignition ? "accepted" : "parked"); // clean generated-api
    }

    public void OnLogin(DriverLogin login)
    {
        _driverOnVehicle[login.VehicleId] = login.DriverStaffNumber;
        using var span = source.StartRidefleetIngest($"fleet/{login.VehicleId}/login"); // clean strings
        span.SetRidefleetDriverId(pseudonymizer.PseudonymizeRidefleetDriverId(login.DriverStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("driver.card", login.CardUid); // leak TC1001 direct
        span.Activity?.SetTag("driver.card.prefix", login.CardUid[..2]); // clean precision-about
        logger.LogInformation("Login {Login}", login); // leak TC1001 logging-objects
        using (logger.BeginScope("Vehicle {Vehicle} driver {Driver}", login.VehicleId, login.DriverStaffNumber)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Shift started at {At}", login.At); // clean precision-about
        }
    }

    public void OnHarshEvent(HarshEvent e)
    {
        _harsh.Add(1, new KeyValuePair<string, object?>("kind", e.Kind), new KeyValuePair<string, object?>("vehicle", e.VehicleId)); // clean precision-names
        Activity.Current?.SetTag("harsh.driver", _driverOnVehicle.GetValueOrDefault(e.VehicleId)); // leak TC1001 cross-member
        Activity.Current?.SetTag("harsh.gforce", e.GForce); // clean precision-about
        logger.LogWarning("Harsh event {Event}", e); // leak TC1001 logging-objects
        logger.LogWarning("Harsh {Kind} on {Vehicle} at {G:F2} g", e.Kind, e.VehicleId, e.GForce); // clean precision-names
        logger.LogRidefleetPingRejectedEvent($"fleet/{e.VehicleId}/harsh", "flagged", e.DriverStaffNumber is null ? null : pseudonymizer.PseudonymizeRidefleetDriverId(e.DriverStaffNumber), e.Kind); // clean generated-api
    }

    public async Task PushFirmwareAsync(FirmwareImage image, string depot, IReadOnlyList<string> vehicleIds, CancellationToken ct)
    {
        using var span = source.StartRidefleetRollout($"obu-{image.Version}-{depot}", image.Version); // clean strings
        span.SetRidefleetRolloutRing(depot); // clean precision-names
        foreach (var vehicleId in vehicleIds)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic($"fleet/{vehicleId}/ota")
                .WithPayload(JsonSerializer.Serialize(new { image.Version, Url = image.BlobUri, image.Sha256 }))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.ExactlyOnce)
                .Build();
            try
            {
                await mqtt.PublishAsync(message, ct);
            }
            catch (MqttPublishRefusedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "OTA push to {Vehicle} refused", vehicleId); // clean exceptions
            }
            catch (MqttCommunicationException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
        }
        span.SetRidefleetNote($"pushed to {string.Join(",", vehicleIds)}"); // clean generated-api
    }
}
