using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout64.Energy;

public enum ReadingSource
{
    Smart,
    Customer,
    Estimate,
}

public sealed record MeterReading(
    string AccountNumber,
    string MeterSerial,
    string Mpan,
    string RegisterId,
    decimal Kwh,
    DateTime ReadAt,
    ReadingSource Source);

public interface IReadingHistory
{
    MeterReading? Last(string meterSerial);

    string TariffOf(string accountNumber);
}

/// <summary>Validates a meter reading against a list of rules and collects every error, not just the first.</summary>
public sealed class ReadingValidator(
    IReadingHistory history,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ReadingValidator> logger)
{
    private string? _lastRejectedMeter;
    private string? _lastRejectedRegion;

    public Result<MeterReading, IReadOnlyList<Error>> Validate(MeterReading reading)
    {
        using var span = source.StartSupplyReadingValidate(history.TariffOf(reading.AccountNumber)); // clean generated-api
        span.SetSupplyMeterId(pseudonymizer.PseudonymizeSupplyMeterId(reading.MeterSerial)); // clean precision-pseudonym
        span.SetSupplyRegion(reading.Mpan[..2]); // clean precision-about

        Func<MeterReading, Error?>[] rules =
        [
            static r => r.Kwh < 0 ? new Error("negative", "Reading is negative") : null,
            r => history.Last(r.MeterSerial) is { } last && r.Kwh < last.Kwh
                ? new Error("backwards", $"Reading {r.Kwh} for meter {r.MeterSerial} is below the last reading {last.Kwh}")
                : null,
            static r => r.ReadAt > DateTime.UtcNow ? new Error("future", $"Read time {r.ReadAt:O} is in the future") : null,
            static r => r.Mpan is not { Length: 13 } ? new Error("mpan", $"MPAN {r.Mpan} is not 13 digits") : null,
        ];
        List<Error> errors = [.. rules.Select(rule => rule(reading)).OfType<Error>()];

        var result = errors.Count == 0
            ? Result<MeterReading, IReadOnlyList<Error>>.Ok(reading)
            : Result<MeterReading, IReadOnlyList<Error>>.Fail(errors);

        var codes = result.Match(_ => "accepted", errs => "rejected:" + string.Join('+', errs.Select(e => e.Code)));
        span.SetSupplyOutcome(codes); // clean generated-api
        meter.CreateSupplyReadingsCounter().Add(1, reading.Mpan[..2], codes); // clean precision-about

        result
            .OnFailure(errs => logger.LogWarning("Reading rejected: {Errors}", errs)) // leak TC1001 logging-objects
            .OnFailure(errs => logger.LogSupplyReadingRejectedEvent(codes, pseudonymizer.PseudonymizeSupplyMeterId(reading.MeterSerial), $"{errs.Count} rule(s) failed")) // clean generated-api
            .OnFailure(errs => span.SetSupplyNote(errs[0].Message)) // leak TC1001 generated-api
            .OnFailure(errs => span.SetSupplyNote(string.Join(", ", errs.Select(e => e.Code)))) // clean generated-api
            .OnFailure(_ => (_lastRejectedMeter, _lastRejectedRegion) = (reading.MeterSerial, reading.Mpan[..2]));

        var forWarehouse = result.Map(r => r with
        {
            AccountNumber = pseudonymizer.ComputeSupplyAccountId(r.AccountNumber),
            MeterSerial = pseudonymizer.ComputeSupplyMeterId(r.MeterSerial),
            Mpan = r.Mpan[..2],
        });
        logger.LogInformation("Reading for the warehouse: {Reading}", forWarehouse); // clean precision-pseudonym

        var forSupport = result.Map(r => r with { AccountNumber = "(withheld)" });
        logger.LogInformation("Reading for the support queue: {Reading}", forSupport); // leak TC1001 logging-objects

        return result;
    }

    /// <summary>What the health page's log line says about the validator.</summary>
    public void LogStatus()
    {
        logger.LogInformation("Last rejection in region {Region}", _lastRejectedRegion); // clean cross-member
        logger.LogInformation("Last rejected meter {Meter}", _lastRejectedMeter); // leak TC1001 cross-member
    }
}

/// <summary>Drops readings the head-end delivered twice, keyed by meter and read time.</summary>
public sealed class ReadingDeduplicator(ILogger<ReadingDeduplicator> logger)
{
    private readonly HashSet<string> _seen = [];

    public Option<MeterReading> FirstDelivery(MeterReading reading)
    {
        var key = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{reading.MeterSerial}|{reading.ReadAt:O}")));
        return _seen.Add(key)
            ? Option.Some(reading)
            : Option.None<MeterReading>().OnNone(() => logger.LogDebug("Duplicate delivery {DedupeKey}", key)); // leak TC1002 hashes
    }

    public void Summarise(IEnumerable<MeterReading> batch)
    {
        var models = batch.GroupBy(r => r.MeterSerial[..3]).Select(g => (Model: g.Key, Count: g.Count())).ToList();
        logger.LogInformation("Batch by meter model: {Models}", models); // clean precision-about
        var bySerial = batch.GroupBy(r => r.MeterSerial).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Readings per meter: {PerMeter}", bySerial); // leak TC1001 cross-member
        logger.LogInformation("Meters in batch: {Meters}, most readings from one meter: {Max}", bySerial.Count, bySerial.Values.DefaultIfEmpty().Max()); // clean precision-about
    }
}
