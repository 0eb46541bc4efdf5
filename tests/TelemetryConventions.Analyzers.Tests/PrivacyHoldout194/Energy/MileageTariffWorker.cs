namespace PrivacyHoldout194.Energy;

/// <summary>
/// An energy supplier's EV tariff: the car's black box reports miles and where the car charged, and
/// the supplier prices home charging from it. Runs as a worker over the readings queue.
/// </summary>
public sealed class MileageTariffWorker(
    IQueueReceiver<MileageTariffWorker.MileageReading> readings,
    IPolicyStore policies,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    TelematicsOptions options,
    ILogger<MileageTariffWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.EvMiles");
    private static readonly Meter Meter = new("Supplier.EvMiles");
    private static readonly Counter<double> Miles = Meter.CreateCounter<double>("chargemiles.miles");

    public sealed record MileageReading(string AccountNumber, string Vin, string BoxImei, double Miles, double HomeLatitude, double HomeLongitude, int ChargeSessions, string TariffCode);

    private string _currentAccount = string.Empty;
    private string _currentTariff = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var reading = await readings.ReceiveAsync(stoppingToken);
            if (reading is null)
            {
                continue;
            }

            _currentAccount = reading.AccountNumber;
            _currentTariff = reading.TariffCode;
            using var activity = Source.StartActivity("ev_miles.reading");
            Tag(activity);
            activity?.SetTag("ev.miles", reading.Miles); // clean precision-about
            activity?.SetTag("ev.charge_sessions", reading.ChargeSessions); // clean precision-about
            activity?.SetTag("ev.vin", reading.Vin); // leak TC1001 direct
            activity?.SetTag("ev.vin_length", reading.Vin.Length); // clean precision-about
            activity?.SetTag("ev.box_imei_tac", reading.BoxImei[..8]); // clean precision-about
            activity?.SetTag("ev.home", $"{reading.HomeLatitude},{reading.HomeLongitude}"); // leak TC1001 strings
            Miles.Add(reading.Miles, new KeyValuePair<string, object?>("tariff", reading.TariffCode)); // clean precision-about
            Miles.Add(reading.Miles, new KeyValuePair<string, object?>("account", AccountKey())); // leak TC1003 cross-member
            logger.LogInformation("Reading for {Tariff}: {Miles} miles", reading.TariffCode, reading.Miles); // clean precision-about
            logger.LogDebug("Reading {Reading}", reading); // leak TC1001 logging-objects
            logger.LogDebug("Reading {@Reading}", reading with { Vin = "", BoxImei = "", AccountNumber = "" }); // leak TC1001 logging-objects

            try
            {
                await PriceAsync(reading, activity, stoppingToken);
            }
            catch (PolicyNotFoundException ex)
            {
                logger.LogError(ex, "No policy for the car's account"); // leak TC1001 exceptions
                activity?.SetTag("error.type", nameof(PolicyNotFoundException)); // clean exceptions
            }
            catch (BoxNotPairedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
            }
            catch (ScoringUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "Pricing postponed for tariff {Tariff}", reading.TariffCode); // clean exceptions
            }
        }
    }

    private void Tag(Activity? activity)
    {
        activity?.SetTag("ev.account", _currentAccount); // leak TC1001 cross-member
        activity?.SetTag("ev.tariff", _currentTariff); // clean cross-member
        activity?.SetTag("ev.region", options.Region); // clean precision-names
    }

    private string AccountKey() => _currentAccount;

    private async Task PriceAsync(MileageReading reading, Activity? activity, CancellationToken cancellationToken)
    {
        var vehicle = await policies.GetVehicleAsync(reading.AccountNumber, cancellationToken);
        activity?.SetTag("ev.make", vehicle.Make); // clean precision-about
        activity?.SetTag("ev.model", vehicle.Model); // clean precision-about
        activity?.SetTag("ev.registration_prefix", vehicle.Registration[..2]); // clean precision-about
        activity?.SetTag("ev.registration", vehicle.Registration); // leak TC1001 direct
        activity?.SetTag("ev.registration_key", vehicle.Registration.GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("ev.vin_key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(vehicle.Vin)))); // clean hashes

        var customer = pseudonymizer.PseudonymizeChargemilesClientId(reading.AccountNumber);
        using var span = Source.StartChargemilesOperation(reading.TariffCode); // clean generated-api
        span.SetChargemilesClientId(customer); // clean generated-api
        span.SetChargemilesMode("black-box"); // clean generated-api
        span.SetChargemilesNote($"priced {reading.Miles:F1} miles over {reading.ChargeSessions} sessions"); // clean generated-api
        span.SetChargemilesNote($"priced for car {vehicle.Registration}"); // leak TC1001 generated-api
        Meter.CreateChargemilesOperationDurationHistogram().Record(0.4, reading.TariffCode); // clean generated-api
        Meter.CreateChargemilesOperationDurationHistogram().Record(0.4, vehicle.Vin); // leak TC1003 generated-api
        activity?.SetTag("ev.customer", customer.Value); // clean precision-pseudonym
        Miles.Add(reading.Miles, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym
    }
}
