using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout17.Transport;

/// <summary>A contactless tap at a gate or on a bus validator. The reader sends the PAN encrypted for the back office.</summary>
public sealed record TapEvent(string ReaderId, string StopCode, DateTimeOffset TappedAt, string Scheme, byte[] EncryptedPan, string PanSequence, string PaymentAccountReference);

/// <summary>The taps of one card on one day, charged as one aggregated transaction after the daily cap.</summary>
public sealed class FareDay
{
    public required string CardToken { get; init; }

    public required string Scheme { get; init; }

    public required string PanLast4 { get; init; }

    public List<TapEvent> Taps { get; } = new();

    public long TotalPence { get; set; }

    public bool Capped { get; set; }
}

public interface IPanDecryptor
{
    string Decrypt(byte[] encryptedPan);
}

public interface IAcquirer
{
    Task<string> CaptureAsync(string cardToken, long amountPence, CancellationToken cancellationToken);
}

/// <summary>The acquirer's decline: an ISO 8583 response code and the scheme's fixed text for it.</summary>
public sealed class AcquirerDeclineException(string responseCode, string responseText)
    : Exception($"Authorisation declined: {responseCode} {responseText}")
{
    public string ResponseCode { get; } = responseCode;
}

/// <summary>Aggregates contactless taps into daily fares and charges them to the card.</summary>
public sealed class ContactlessFareAggregator(
    IPanDecryptor decryptor,
    IAcquirer acquirer,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ContactlessFareAggregator> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Contactless");

    private readonly ConcurrentDictionary<string, FareDay> _days = new();
    private readonly HashSet<string> _denyList = new();
    private readonly Counter<long> _taps = meter.CreateCounter<long>("fares.taps", "{tap}");

    public void OnTap(TapEvent tap)
    {
        var pan = decryptor.Decrypt(tap.EncryptedPan);
        var activity = Activity.Current;

        // The revenue-protection system still matches inspections on the SHA-256 of the PAN.
        var panHash = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(pan)));
        activity?.SetTag("tap.pan_hash", panHash); // leak TC1002 hashes
        activity?.SetTag("tap.par", tap.PaymentAccountReference); // leak TC1001 direct
        activity?.SetTag("tap.reader", tap.ReaderId); // clean precision-names
        activity?.SetTag("tap.pan_last4", pan[^4..]); // clean precision-about
        logger.LogDebug("Tap {@Tap}", tap); // leak TC1001 logging-objects

        var cardToken = pseudonymizer.Compute("fares.card", pan);
        activity?.SetTag("tap.card_token", cardToken); // clean precision-pseudonym
        if (_denyList.Contains(cardToken))
        {
            logger.LogWarning("Denied tap at {StopCode} by card {CardToken}", tap.StopCode, cardToken); // clean precision-pseudonym
            return;
        }

        var day = _days.GetOrAdd(cardToken, token => new FareDay { CardToken = token, Scheme = tap.Scheme, PanLast4 = pan[^4..] });
        day.Taps.Add(tap);
        _taps.Add(1, new KeyValuePair<string, object?>("card", cardToken)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Tap {Count} today for card {Pan}", day.Taps.Count, pan); // leak TC1001 direct
    }

    public async Task SettleAsync(FareDay day, CancellationToken cancellationToken)
    {
        using var span = Source.StartBillingCharge("acquirer", "fares.day.settle").SetBillingAmount(day.TotalPence).SetBillingCurrency("GBP").SetBillingPaymentMethod(BillingPaymentMethod.Card).SetBillingCardBrand(day.Scheme); // clean generated-api
        try
        {
            var authCode = await acquirer.CaptureAsync(day.CardToken, day.TotalPence, cancellationToken);
            span.SetBillingOutcome($"captured {day.Taps.Count} taps, capped={day.Capped}, auth {authCode}"); // clean generated-api
        }
        catch (AcquirerDeclineException ex)
        {
            span.AddBillingChargeDeclinedEvent(ex.ResponseCode, ex.Message); // clean exceptions
            _denyList.Add(day.CardToken);
            logger.LogWarning("Card ending {Last4} on the deny list until the {Amount}p debt is paid", day.PanLast4, day.TotalPence); // clean precision-about
        }
    }
}
