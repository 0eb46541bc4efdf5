namespace PrivacyHoldout153.Energy;

/// <summary>
/// Reads the pharmacies' vaccine fridge readings from the building-energy platform's topic (keyed by fridge id), raises
/// cold-chain breaches and rings the duty pharmacist.
/// </summary>
public sealed class VaccineFridgeMonitor(
    IConsumer<string, FridgeReading> consumer,
    IDutyRota rota,
    HighStreetOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<VaccineFridgeMonitor> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HighStreet.Power.Fridges");
    private static readonly Meter Meter = new("HighStreet.Power.Fridges");
    private static readonly Histogram<double> Temperature = Meter.CreateHistogram<double>("pharmacy.fridge.temperature", "Cel");
    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>("pharmacy.fridge.breaches");

    private DutyPharmacist? _lastCalled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var reading = result.Message.Value;
            using var activity = Source.StartActivity("fridge.reading");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("pharmacy.ods", reading.PharmacyOds); // clean precision-about
            Temperature.Record(reading.Celsius, new KeyValuePair<string, object?>("pharmacy.fridge", reading.FridgeId), new KeyValuePair<string, object?>("pharmacy.ods", reading.PharmacyOds)); // clean precision-names

            if (reading.Celsius < options.FridgeMinCelsius || reading.Celsius > options.FridgeMaxCelsius)
            {
                Breaches.Add(1, new KeyValuePair<string, object?>("pharmacy.ods", reading.PharmacyOds)); // clean precision-about
                await EscalateAsync(reading, stoppingToken);
            }

            consumer.Commit(result);
        }
    }

    private async Task EscalateAsync(FridgeReading reading, CancellationToken cancellationToken)
    {
        var duty = await rota.OnDutyAsync(reading.PharmacyOds, cancellationToken);
        _lastCalled = duty;
        using var span = Source.StartPsrOperation("pharmacy-estate");
        span.SetPsrNeed("vaccine-fridge"); // clean precision-about
        span.SetPsrEngineerId(pseudonymizer.PseudonymizePsrEngineerId(duty.GphcNumber)); // clean generated-api
        logger.LogWarning("Fridge {FridgeId} at {Celsius:F1} °C, ringing {Pharmacist}", reading.FridgeId, reading.Celsius, duty.Name); // leak TC1001 direct
        logger.LogWarning("Fridge {FridgeId} breach escalated to duty pharmacist {@Duty}", reading.FridgeId, duty); // leak TC1001 logging-objects
        try
        {
            if (!await rota.RingAsync(duty.Mobile, cancellationToken))
            {
                throw new DutyPharmacistUnreachableException(duty.Mobile);
            }
        }
        catch (DutyPharmacistUnreachableException ex)
        {
            span.SetPsrOutcome("unreachable"); // clean exceptions
            span.RecordException(ex); // clean exceptions
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
        }
        catch (FridgeOfflineException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    public void ReportShift(Activity? activity)
    {
        activity?.SetTag("pharmacy.duty.last_called", _lastCalled?.GphcNumber); // leak TC1001 cross-member
        activity?.SetTag("pharmacy.duty.called", _lastCalled is not null); // clean cross-member
        activity?.SetTag("pharmacy.duty.name_length", _lastCalled?.Name.Length ?? 0); // clean cross-member
    }
}
