using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Energy;

/// <summary>
/// Takes the daily smart read of a supply point, with three attempts. When every attempt fails the
/// last error is rethrown as it was (stack trace kept) for the worker.
/// </summary>
public sealed class SmartReadCollector(IDccGateway dcc, Pseudonymizer pseudonymizer, ILogger<SmartReadCollector> logger, Meter meter)
{
    private const int MaxAttempts = 3;

    private static readonly ActivitySource Source = new("Supplier.Metering.SmartReads");

    private readonly MeteringReadFailuresCounter _failures = meter.CreateMeteringReadFailuresCounter();
    private readonly Counter<long> _retries = meter.CreateCounter<long>("metering.read.retries");

    public async Task<MeterRead> CollectAsync(SupplyPoint point, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeteringReadIngest(pseudonymizer.PseudonymizeMeteringAccountId(point.AccountNumber), MeteringReadSource.Smart); // clean precision-pseudonym
        var errors = new List<Exception>();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            span.SetMeteringAttempt(attempt); // clean precision-about
            try
            {
                return await dcc.ReadRegistersAsync(point.MeterSerial, cancellationToken);
            }
            catch (DccTimeoutException ex)
            {
                errors.Add(ex);
                span.Activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["attempt"] = attempt, ["error"] = ex.Message })); // clean exceptions
                _retries.Add(1, new KeyValuePair<string, object?>("error.type", nameof(DccTimeoutException))); // clean precision-names
            }
            catch (DccDeviceException ex) when (ex.ResponseCode is "E41" or "E42")
            {
                // Transient device states (busy, waking up): worth another try.
                errors.Add(ex);
                span.Activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["attempt"] = attempt, ["error"] = ex.Message })); // leak TC1001 exceptions
                _retries.Add(1, new KeyValuePair<string, object?>("device.response", ex.ResponseCode)); // clean exceptions
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken);
        }

        var last = errors[^1];
        var code = last is DccTimeoutException ? "DCC-TIMEOUT" : "DCC-DEVICE";
        span.SetMeteringErrorCode(code).RecordException(last); // clean exceptions
        logger.LogMeteringReadFailedEvent(MeteringReadSource.Smart, code, meteringAttempt: MaxAttempts, meteringNote: last.Message); // leak TC1001 generated-api
        _failures.Add(1, MeteringReadSource.Smart, code); // clean precision-about
        span.SetMeteringNote(string.Join(" | ", errors.Select(e => e.Message))); // leak TC1001 generated-api

        var summary = new AggregateException($"Smart read failed after {MaxAttempts} attempts", errors);
        logger.LogWarning("Giving up on the smart read: {Summary}", summary.Message); // leak TC1001 exceptions
        logger.LogWarning("Giving up after {Attempts} attempts: {Types}", errors.Count, string.Join(",", errors.Select(e => e.GetType().Name))); // clean precision-names
        ExceptionDispatchInfo.Capture(last).Throw();
        throw new UnreachableException();
    }
}

/// <summary>Runs the day's smart reads.</summary>
public sealed partial class SmartReadWorker(SmartReadCollector collector, IEnumerable<SupplyPoint> duePoints, Pseudonymizer pseudonymizer, ILogger<SmartReadWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failed = 0;
        foreach (var point in duePoints)
        {
            try
            {
                await collector.CollectAsync(point, stoppingToken);
            }
            catch (DccDeviceException ex)
            {
                failed++;
                LogDeviceFailure(logger, ex, ex.ResponseCode); // leak TC1001 exceptions
                LogDeviceSerial(logger, ex.MeterSerial, pseudonymizer.ComputeMeteringAccountId(point.AccountNumber)); // leak TC1001 cross-member
                logger.LogError("Device failure: {Failure}", ex); // leak TC1001 logging-objects
                Activity.Current?.SetTag("metering.device.key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(ex.MeterSerial)))); // leak TC1002 hashes
                logger.LogWarning("Meter model {Model} failed with {ResponseCode}", ex.MeterSerial[..3], ex.ResponseCode); // clean precision-about
            }
            catch (DccTimeoutException ex)
            {
                failed++;
                logger.LogWarning(ex, "Smart read timed out for account {AccountRef}", pseudonymizer.ComputeMeteringAccountId(point.AccountNumber)); // clean precision-pseudonym
            }
        }
        logger.LogInformation("Smart reads done; {Failed} failed", failed);
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Error, Message = "Smart read abandoned with device response {ResponseCode}")]
    private static partial void LogDeviceFailure(ILogger logger, Exception exception, string responseCode);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Error, Message = "Device failure on meter {MeterSerial} (account {AccountRef})")]
    private static partial void LogDeviceSerial(ILogger logger, string meterSerial, string accountRef);
}
