namespace PrivacyHoldout92.Transport;

/// <summary>A tap or scan at a gate line: a travel card's number or a mobile pass's signed payload.</summary>
public sealed record GateTap(string Station, string GateId, string? CardNumber, string? MobilePayload, DateTimeOffset At);

/// <summary>A pass product loaded on a card or a mobile pass.</summary>
public sealed record PassProduct(string Product, string Zones, DateOnly ValidFrom, DateOnly ValidTo, string RiderAccountId);

/// <summary>Thrown by the pass store for a card on the hotlist: <c>Card {number} is hotlisted ({reason}).</c></summary>
public sealed class CardHotlistedException(string cardNumber, string reason)
    : Exception($"Card {cardNumber} is hotlisted ({reason}).")
{
    public string Reason { get; } = reason;
}

public interface IPassStore
{
    Task<PassProduct?> ForCardAsync(string cardNumber, CancellationToken cancellationToken);

    Task<PassProduct?> ForAccountAsync(string riderAccountId, CancellationToken cancellationToken);
}

/// <summary>Validates season and weekly passes at the gate lines, from travel cards and from mobile passes.</summary>
public sealed class GateValidationService(IPassStore passes, IReadOnlyDictionary<string, ECDsa> keys, Pseudonymizer pseudonymizer, ILogger<GateValidationService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Gates");
    private static readonly Meter Meter = new("Transit.Gates");

    public async Task<ScanVerdict> ValidateAsync(GateTap tap, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFarepassValidate(tap.GateId);
        span.SetFarepassStation(tap.Station);
        PassProduct? pass;
        try
        {
            if (tap.CardNumber is { } card)
            {
                span.Activity?.SetTag("farepass.card.iin", card[..6]); // clean precision-about
                logger.LogDebug("Tap of card {Card} at {Gate}", card, tap.GateId); // leak TC1001 direct
                pass = await passes.ForCardAsync(card, cancellationToken);
            }
            else
            {
                var payload = TicketCodec.Decode(tap.MobilePayload!);
                TicketCodec.Verify(payload, keys);
                span.SetFarepassRiderId(pseudonymizer.PseudonymizeFarepassRiderId(payload.Claims.Subject)); // clean precision-pseudonym
                pass = await passes.ForAccountAsync(payload.Claims.Subject, cancellationToken);
            }
        }
        catch (CardHotlistedException ex)
        {
            logger.LogFarepassValidationRefusedEvent(farepassVerdict: nameof(ScanVerdict.Revoked), farepassGate: tap.GateId, farepassNote: ex.Reason); // clean exceptions
            logger.LogWarning(ex, "Hotlisted card at {Gate}", tap.GateId); // leak TC1001 exceptions
            return ScanVerdict.Revoked;
        }
        catch (TicketSignatureException ex)
        {
            span.SetFarepassVerdict(nameof(ScanVerdict.BadSignature)).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return ScanVerdict.BadSignature;
        }

        var today = DateOnly.FromDateTime(tap.At.UtcDateTime);
        var verdict = pass is null ? ScanVerdict.Unreadable : pass.ValidTo < today ? ScanVerdict.Expired : ScanVerdict.Admitted;
        span.SetFarepassVerdict(verdict.ToString());
        if (pass is not null)
        {
            span.SetFarepassProduct(pass.Product).SetFarepassZone(pass.Zones); // clean precision-names
            logger.LogInformation("Pass {Pass}", pass); // leak TC1001 logging-objects
            span.Activity?.SetTag("farepass.days_left", pass.ValidTo.DayNumber - today.DayNumber); // clean precision-about
        }
        Meter.CreateFarepassValidationsCounter().Add(1, farepassStation: tap.Station, farepassVerdict: verdict.ToString()); // clean generated-api
        Meter.CreateFarepassValidateDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, farepassStation: tap.Station);
        return verdict;
    }
}
