namespace PrivacyHoldout183.Transport;

/// <summary>The transport authority's bereavement service: a deceased's concessionary pass cancelled, the unused season refunded to the estate, a cortege's route booked.</summary>
public sealed partial class BereavementPassEndpoints(
    ActivitySource source,
    Meter meter,
    ILogger<BereavementPassEndpoints> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    BereavementOptions options)
{
    private readonly Counter<long> _cancellations = meter.CreateCounter<long>("passes.bereavement_cancellations");
    private readonly Counter<long> _corteges = meter.CreateCounter<long>("corteges.booked");
    private readonly PasscancelOperationsCounter _operations = meter.CreatePasscancelOperationsCounter();
    private readonly PasscancelOperationDurationHistogram _duration = meter.CreatePasscancelOperationDurationHistogram();
    private readonly List<CortegeBooking> _unplanned = new();

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/passes/cancel", Cancel);
        routes.MapPost("/corteges", BookCortege);
    }

    private ActionResult Cancel(PassCancellation cancellation, decimal unusedValue)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPasscancelOperation(options.Office);
        span.SetPasscancelPassengerId(pseudonymizer.PseudonymizePasscancelPassengerId(cancellation.SmartcardNumber)); // clean precision-pseudonym
        span.SetPasscancelCaseKind("cancellation"); // clean precision-names
        span.SetPasscancelNote($"Scheme {cancellation.Scheme}, issuer {cancellation.SmartcardNumber[..4]}"); // clean generated-api
        span.SetPasscancelNote($"Cancel pass of {cancellation.HolderName}"); // leak TC1001 generated-api
        span.Activity?.SetTag("pass.scheme", cancellation.Scheme); // clean precision-about
        span.Activity?.SetTag("pass.smartcard", cancellation.SmartcardNumber); // leak TC1001 direct
        span.Activity?.SetTag("pass.kin_email", cancellation.KinEmail); // leak TC1001 direct
        span.Activity?.SetTag("pass.kin_email_given", cancellation.KinEmail.Contains('@')); // clean precision-about
        span.Activity?.SetTag("pass.smartcard_reader_id", "gate-07"); // clean precision-names
        Baggage.SetBaggage("pass.smartcard", cancellation.SmartcardNumber); // leak TC1001 direct
        Baggage.SetBaggage("pass.passenger", pseudonymizer.ComputePasscancelPassengerId(cancellation.SmartcardNumber)); // clean precision-pseudonym
        _cancellations.Add(1, new KeyValuePair<string, object?>("scheme", cancellation.Scheme)); // clean precision-about
        _cancellations.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.PseudonymizePasscancelPassengerId(cancellation.SmartcardNumber).Value)); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("pass.ref", HashCode.Combine(cancellation.SmartcardNumber, cancellation.Scheme)); // leak TC1002 hashes
        span.Activity?.SetTag("pass.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cancellation.SmartcardNumber))[0] % 4); // clean hashes
        logger.LogInformation("Cancelled {@Cancellation}", cancellation); // leak TC1001 logging-objects
        logger.LogInformation("Cancelled {Cancellation}", cancellation with { SmartcardNumber = "", HolderName = "", KinEmail = "" }); // clean logging-objects
        LogCancelled(logger, cancellation.HolderName, cancellation.Scheme); // clean logging-objects
        LogCancelledUnclassified(logger, cancellation.KinEmail, cancellation.Scheme); // leak TC1001 logging-objects

        try
        {
            if (unusedValue <= 0)
            {
                throw new DeceasedNotFoundException(cancellation.SmartcardNumber);
            }

            var refund = new BereavementRefund($"RF-{Guid.NewGuid():N}", "bank-transfer", unusedValue, "north");
            span.Activity?.SetTag("refund.id", refund.RefundId); // clean precision-names
            logger.LogInformation("Refund {@Refund}", refund); // clean logging-objects
            span.SetPasscancelOutcome("refunded"); // clean generated-api
        }
        catch (DeceasedNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.Activity?.AddEvent(new ActivityEvent("refund.failed", tags: new ActivityTagsCollection { ["reason"] = ex.Message })); // leak TC1001 exceptions
            span.Activity?.AddEvent(new ActivityEvent("refund.failed", tags: new ActivityTagsCollection { ["error.type"] = ex.GetType().FullName })); // clean exceptions
            logger.LogPasscancelOperationFailedEvent(options.Office, "no-value", pseudonymizer.PseudonymizePasscancelPassengerId(cancellation.SmartcardNumber), "no unused value"); // clean generated-api
        }

        _operations.Add(1, options.Office, "cancelled"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Office); // clean generated-api
        return new OkResult(null);
    }

    private ActionResult BookCortege(CortegeBooking booking)
    {
        using var span = source.StartPasscancelOperation("corteges");
        span.SetPasscancelCaseKind("cortege"); // clean precision-names
        span.Activity?.SetTag("cortege.booking_id", booking.BookingId); // clean precision-names
        span.Activity?.SetTag("cortege.route", booking.Route); // clean precision-about
        span.Activity?.SetTag("cortege.departure_hour", booking.Departure.Hour); // clean precision-about
        span.Activity?.SetTag("cortege.family_car", booking.FamilyCarPlate); // leak TC1001 direct
        span.Activity?.SetTag("cortege.family_car_booked", !string.IsNullOrEmpty(booking.FamilyCarPlate)); // clean precision-about
        _corteges.Add(1, new KeyValuePair<string, object?>("route", booking.Route)); // clean precision-about
        _operations.Add(1, "corteges", $"booked:{booking.FamilyCarPlate}"); // leak TC1003 generated-api
        logger.LogInformation("Cortege {Booking}", booking); // leak TC1001 logging-objects
        if (booking.Departure < DateTimeOffset.UtcNow.AddHours(24))
        {
            _unplanned.Add(booking);
        }

        span.Activity?.SetTag("cortege.unplanned_count", _unplanned.Count); // clean cross-member
        span.Activity?.SetTag("cortege.unplanned_cars", string.Join(",", _unplanned.Select(u => u.FamilyCarPlate))); // leak TC1001 cross-member
        var summary = $"{booking.Route} at {booking.Departure:HH:mm}";
        logger.LogInformation("Cortege route {Summary}", summary); // clean strings
        var plateLine = "Family car " + booking.FamilyCarPlate + " on " + booking.Route;
        span.Activity?.AddEvent(new ActivityEvent(plateLine)); // leak TC1001 strings
        return new OkResult(booking.BookingId);
    }

    [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "Pass of {HolderName} cancelled under {Scheme}")]
    private static partial void LogCancelled(ILogger logger, [PrivateData] string holderName, string scheme);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Information, Message = "Next of kin {KinEmail} told of cancellation under {Scheme}")]
    private static partial void LogCancelledUnclassified(ILogger logger, string kinEmail, string scheme);
}
