using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Energy;

/// <summary>A read from the smart-meter head-end, the app or the website. The topic is keyed by meter serial.</summary>
public sealed record MeterRead(string MeterSerial, string Mpan, string AccountNumber, string Register, decimal Value, DateTimeOffset ReadAt, string Source);

public sealed record ReadVerdict(SupplyReadOutcome Outcome, string? RuleId, decimal? Expected);

public interface IReadValidator
{
    ReadVerdict Validate(MeterRead read);
}

/// <summary>Helpers the metering team keeps next to the consumer.</summary>
public static class ReadTelemetry
{
    public static SupplyReadSourceValue SourceOf(MeterRead read) => read.Source switch
    {
        "smets2" or "smets1" => SupplyReadSource.Smart,
        "app" or "web" => SupplyReadSource.Customer,
        _ => SupplyReadSourceValue.Custom(read.Source),
    };

    /// <summary>The GSP group from the MPAN's distributor id (its first two digits).</summary>
    public static string RegionOf(MeterRead read) => read.Mpan[..2] switch
    {
        "10" => "_A",
        "11" => "_B",
        "23" => "_M",
        _ => "_other",
    };

    public static void TagMeter(Activity? activity, string meterSerial) =>
        activity?.SetTag("supply.meter.serial_raw", meterSerial); // leak TC1001 direct
}

public sealed class MeterReadConsumer(
    IConsumer<string, MeterRead> consumer,
    IReadValidator validator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            Handle(result);
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, MeterRead> result)
    {
        var read = result.Message.Value;
        var region = ReadTelemetry.RegionOf(read);
        var sourceValue = ReadTelemetry.SourceOf(read);
        using var span = source.StartSupplyReadingSubmit(pseudonymizer.PseudonymizeSupplyMeterSerial(read.MeterSerial), sourceValue); // clean precision-pseudonym
        span.SetSupplyAccountId(pseudonymizer.PseudonymizeSupplyAccountId(read.AccountNumber)) // clean precision-pseudonym
            .SetSupplyRegion(region);
        span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
        span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean direct
        span.Activity?.SetTag("supply.mpan.distributor", read.Mpan[..2]); // clean precision-about

        var verdict = validator.Validate(read);
        logger.LogDebug("Verdict {@Verdict}", verdict); // clean logging-objects
        span.SetSupplyReadOutcome(verdict.Outcome); // clean generated-api
        meter.CreateSupplyReadingsCounter().Add(1, sourceValue, verdict.Outcome, region); // clean precision-about

        if (verdict.Outcome == SupplyReadOutcome.Rejected)
        {
            logger.LogSupplyReadingRejectedEvent(sourceValue, pseudonymizer.PseudonymizeSupplyMeterSerial(read.MeterSerial), region, $"rule {verdict.RuleId}, expected ~{verdict.Expected:0}"); // clean precision-pseudonym
            logger.LogSupplyReadingRejectedEvent(sourceValue, supplyRegion: region, supplyNote: $"MPAN {read.Mpan} register {read.Register}"); // leak TC1001 generated-api
            span.SetSupplyNote(verdict.RuleId ?? "unknown-rule"); // clean generated-api
        }
        else if (verdict.Outcome == SupplyReadOutcome.Queried)
        {
            span.SetSupplyReadOutcome(SupplyReadOutcomeValue.Custom($"queried-{read.AccountNumber}")); // leak TC1001 generated-api
            meter.CreateSupplyReadingsCounter().Add(1, sourceValue, SupplyReadOutcome.Queried, supplyRegion: read.MeterSerial); // leak TC1003 generated-api
            ReadTelemetry.TagMeter(span.Activity, read.MeterSerial); // leak TC1001 cross-member
        }

        var dedupeKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{read.MeterSerial}|{read.ReadAt:O}")));
        logger.LogDebug("Duplicate check {DedupeKey}", dedupeKey); // leak TC1002 hashes
        var meterSerialModel = read.MeterSerial[..3];
        span.Activity?.SetTag("supply.meter.model", meterSerialModel); // clean precision-names

        var readAge = DateTimeOffset.UtcNow - read.ReadAt;
        span.SetSupplyNote($"age {readAge.TotalHours:0}h"); // clean precision-about
        logger.LogDebug("Read {Serial}/{Register} = {Value}", read.MeterSerial, read.Register, read.Value); // leak TC1001 direct
        logger.LogDebug("Consumed {Topic}[{Partition}]@{Offset}", result.Topic, result.Partition, result.Offset); // clean direct
    }
}
