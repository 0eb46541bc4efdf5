using System.Globalization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Energy;

public readonly record struct Mpan(string Value)
{
    /// <summary>The first two digits: the distribution network operator.</summary>
    public string Distributor => Value.Length >= 2 ? Value[..2] : Value;
}

/// <summary>A smart meter's serial; printed as its model prefix only.</summary>
public sealed class MeterSerial(string value)
{
    public string Value { get; } = value;

    public string Model => Value.Length >= 3 ? Value[..3] : Value;

    public override string ToString() => $"{Model}-*****";
}

public readonly struct AccountNumber(string value)
{
    public string Value { get; } = value;

    public override string ToString() => Value;
}

public sealed class MeterReadingDto : IFormattable
{
    public Guid ReadingId { get; init; }

    public Mpan Mpan { get; init; }

    public MeterSerial Serial { get; init; } = new("");

    public string Register { get; init; } = "";

    public decimal Kwh { get; init; }

    public DateTimeOffset ReadAt { get; init; }

    /// <summary>"L" is the log form (reading, register, kWh); "G" is the settlement line, which starts with the MPAN.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => format == "L"
        ? $"{ReadingId:N} {Register} {Kwh} kWh"
        : string.Create(CultureInfo.InvariantCulture, $"{Mpan.Value},{Register},{ReadAt:O},{Kwh}");

    public override string ToString() => ToString("G", CultureInfo.InvariantCulture);
}

public sealed record RejectedReading(int Row, string Reason, MeterReadingDto Reading);

public sealed record ImportSummary(string File, int Accepted, int Rejected, IReadOnlyList<string> Reasons);

public sealed class MeterReadingImport(ILogger<MeterReadingImport> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _readings = meter.CreateCounter<long>("energy.readings.imported");
    private readonly Histogram<double> _kwh = meter.CreateHistogram<double>("energy.reading.kwh");

    public ImportSummary Import(string file, IReadOnlyList<MeterReadingDto> readings)
    {
        using var span = source.StartModelOperation("import", nameof(MeterReadingDto));
        span.Activity?.SetTag("energy.import.file", file);
        var reasons = new List<string>();
        var row = 0;
        foreach (var reading in readings)
        {
            row++;
            if (reading.Kwh < 0)
            {
                var rejected = new RejectedReading(row, "negative-consumption", reading);
                reasons.Add(rejected.Reason);
                logger.LogWarning("Rejected {Rejected}", rejected); // leak TC1001 logging-objects
                logger.LogWarning("Rejected row {Row}: {Reason} ({Reading:L})", row, rejected.Reason, reading); // leak TC1001 strings
                logger.LogWarning("Rejected row {Row}: {Reason} ({Reading})", row, rejected.Reason, reading.ToString("L", CultureInfo.InvariantCulture)); // clean strings
                span.Activity?.AddEvent(new ActivityEvent("reading.rejected", tags: new ActivityTagsCollection { ["row"] = row, ["reason"] = rejected.Reason, ["reading"] = reading.ReadingId }));
                continue;
            }

            logger.LogDebug("Meter {Serial}", reading.Serial); // clean precision-about
            logger.LogDebug("Meter {@Serial}", reading.Serial); // leak TC1001 logging-objects
            logger.LogDebug("Supply point {Mpan}", reading.Mpan); // leak TC1001 direct
            span.Activity?.SetTag("energy.distributor", reading.Mpan.Distributor);
            _readings.Add(1, new KeyValuePair<string, object?>("distributor", reading.Mpan.Distributor), new KeyValuePair<string, object?>("meter_model", reading.Serial.Model)); // clean precision-about
            _kwh.Record((double)reading.Kwh, new KeyValuePair<string, object?>("mpan", reading.Mpan)); // leak TC1003 direct
            span.AddModelChangedEvent(nameof(MeterReadingDto), modelSubjectId: pseudonymizer.PseudonymizeModelSubjectId(reading.Mpan.Value), modelNote: reading.ToString("L", CultureInfo.InvariantCulture)); // clean generated-api
        }

        var summary = new ImportSummary(file, readings.Count - reasons.Count, reasons.Count, reasons);
        logger.LogInformation("Import finished {Summary}", summary);
        span.SetModelChangeCount(summary.Accepted);
        return summary;
    }

    public void Reconcile(MeterReadingDto settlement, MeterReadingDto meterRead)
    {
        if (settlement.Kwh != meterRead.Kwh)
        {
            var mismatch = new InvalidOperationException($"Settlement line {settlement} does not match the meter read {meterRead.ReadingId:N}");
            logger.LogError(mismatch, "Settlement mismatch"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"Settlement mismatch on {settlement.ReadingId:N}"); // clean exceptions
        }
    }
}
