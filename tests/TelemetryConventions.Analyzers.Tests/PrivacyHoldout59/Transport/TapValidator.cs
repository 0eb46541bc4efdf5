using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Transport;

public interface IProductStore
{
    Task<bool> HasValidProductAsync(string cardNumber, string zone, DateTimeOffset at);

    void ThrowIfHotlisted(string cardNumber);
}

public sealed class TapValidator(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptionsMonitor<TapTelemetryOptions> options,
    IFeatureManager features,
    IProductStore products,
    ILogger<TapValidator> logger)
{
    private readonly Counter<long> _byDimension = meter.CreateCounter<long>("tap.validations.by_dimension");
    private readonly Counter<long> _declines = meter.CreateCounter<long>("tap.declines");

    public async Task<TapResult> ValidateAsync(TapEvent tap)
    {
        var o = options.CurrentValue;
        var prefix = o.PrefixFor(tap.Operator);
        var rider = tap.RiderId is { } id ? pseudonymizer.PseudonymizeTapRiderId(id.ToString()) : pseudonymizer.PseudonymizeTapRiderId(tap.CardNumber);
        using var span = source.StartTapValidate(rider, tap.ReaderId); // clean precision-pseudonym
        span.SetTapOperator(tap.Operator).SetTapZone(tap.Zone); // clean precision-about
        var activity = span.Activity;

        if (o.OperatorFields.TryGetValue(tap.Operator, out var fields))
        {
            foreach (var (name, value) in TapFields.Select(tap, fields)) activity?.SetTag(prefix + name, value); // leak TC1001 cross-member
            foreach (var (name, value) in TapFields.Select(tap, fields.Intersect(TapFields.MetricSafe))) activity?.SetTag(prefix + "safe." + name, value); // clean precision-about
        }

        if (await features.IsEnabledAsync("taps.trace-cards"))
        {
            activity?.SetTag(prefix + "card.number", tap.CardNumber); // leak TC1001 direct
            activity?.SetTag(prefix + "card.last4", tap.CardLastFour); // clean precision-about
        }
        activity?.SetTag(prefix + "rider.email", tap.RiderEmail); // leak TC1001 direct
        activity?.SetTag(prefix + "rider.has_account", tap.RiderId.HasValue); // clean precision-about
        activity?.SetTag(prefix + "rider.id", tap.RiderId); // leak TC1001 direct

        TapResult result;
        try
        {
            products.ThrowIfHotlisted(tap.CardNumber);
            result = await products.HasValidProductAsync(tap.CardNumber, tap.Zone, tap.At) ? TapResult.Accepted : TapResult.Declined;
        }
        catch (CardHotlistedException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, "hotlisted: " + ex.ListSource); // clean exceptions
            activity?.SetTag(prefix + "error", ex.Message); // leak TC1001 exceptions
            logger.LogTapDeclinedEvent(tap.ReaderId, rider, tap.Zone, ex.Message); // leak TC1001 exceptions
            result = TapResult.Declined;
        }
        catch (ReaderClockSkewException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Reader {ReaderId} accepted offline", tap.ReaderId); // clean exceptions
            result = TapResult.Offline;
        }

        span.SetTapResult(result);
        var mode = TapModeValues.TryParse(tap.Mode, out var parsed) ? (TapModeValue)parsed : TapModeValue.Custom(tap.Mode);
        meter.CreateTapValidationsCounter().Add(1, result, mode, tap.Operator, tap.Zone); // clean precision-about
        _byDimension.Add(1, TapFields.Select(tap, o.MetricDimensions).Append(new("tap.result", result.ToWireValue())).ToArray()); // leak TC1003 cross-member
        _byDimension.Add(1, TapFields.Select(tap, o.MetricDimensions.Intersect(TapFields.MetricSafe)).ToArray()); // clean precision-about

        if (result == TapResult.Declined)
        {
            var declineTags = new TagList { { "tap.operator", tap.Operator }, { "tap.concession", tap.Concession } };
            _declines.Add(1, declineTags); // clean precision-about
            logger.LogTapDeclinedEvent(tap.ReaderId, rider, tap.Zone, $"card ending {tap.CardLastFour}, {tap.Concession}"); // clean generated-api
            logger.LogTapDeclinedEvent(tap.ReaderId, tapNote: string.Join(",", TapFields.Select(tap, fields ?? []).Select(f => $"{f.Key}={f.Value}"))); // leak TC1001 generated-api
        }

        logger.LogInformation("Tap {TapId} at {Stop}: {Result}", tap.TapId, tap.StopCode, result); // clean precision-about
        logger.LogDebug("Tap fields for {Operator}: {Fields}", tap.Operator, fields); // clean precision-names
        return result;
    }
}
