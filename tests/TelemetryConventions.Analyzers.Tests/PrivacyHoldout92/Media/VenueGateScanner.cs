namespace PrivacyHoldout92.Media;

/// <summary>
/// The entrances of a concert venue: stewards' handhelds and turnstile readers scan the signed QR code of a
/// mobile ticket (claims: ticket, event, the holder's account id and name), the gate controller decides.
/// </summary>
public sealed class VenueGateScanner(IGateController gates, ITicketStore tickets, IReadOnlyDictionary<string, ECDsa> keys, Pseudonymizer pseudonymizer, ILogger<VenueGateScanner> logger)
{
    private static readonly ActivitySource Source = new("Venue.Gates");
    private static readonly Meter Meter = new("Venue.Gates");
    private static readonly Counter<long> ReEntries = Meter.CreateCounter<long>("boxoffice.reentries");

    public async Task<ScanVerdict> ScanAsync(string venue, string gateId, string scanned, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartBoxofficeScan(gateId);
        SignedTicketPayload payload;
        try
        {
            payload = TicketCodec.Decode(scanned);
            TicketCodec.Verify(payload, keys);
        }
        catch (TicketFormatException ex)
        {
            logger.LogWarning(ex, "Unreadable code at {Gate}: {Segments} segments", gateId, ex.Segments); // clean exceptions
            span.SetBoxofficeVerdict(nameof(ScanVerdict.Unreadable));
            return ScanVerdict.Unreadable;
        }
        catch (TicketSignatureException ex)
        {
            logger.LogWarning("Forged ticket at {Gate}: {Payload}", gateId, scanned); // leak TC1001 strings
            span.SetBoxofficeVerdict(nameof(ScanVerdict.BadSignature)).RecordException(ex, includeMessage: true); // clean exceptions
            return ScanVerdict.BadSignature;
        }

        span.Activity?.SetTag("boxoffice.jws.kid", payload.KeyId);
        span.Activity?.SetTag("boxoffice.jws.header", payload.Header); // clean precision-about
        span.SetBoxofficeEvent(payload.Claims.EventId).SetBoxofficeCustomerId(pseudonymizer.PseudonymizeBoxofficeCustomerId(payload.Claims.Subject)); // clean precision-pseudonym
        logger.LogDebug("Scanned {Claims}", payload.Claims); // leak TC1001 logging-objects
        logger.LogDebug("Scanned {Payload}", payload); // clean logging-objects

        try
        {
            var scan = await gates.ScanAsync(gateId, scanned, cancellationToken);
            span.SetBoxofficeVerdict(scan.Verdict.ToString());
            logger.LogInformation("Gate scan {Scan}", scan); // clean logging-objects
            Meter.CreateBoxofficeScansCounter().Add(1, boxofficeVenue: venue, boxofficeVerdict: scan.Verdict.ToString());
            if (scan.Verdict != ScanVerdict.Admitted)
            {
                var rejection = new ScanRejection(gateId, scan.Verdict, scan.TicketId, payload.Claims.HolderName);
                logger.LogWarning("Rejected {Rejection}", rejection); // leak TC1001 logging-objects
                logger.LogBoxofficeScanRejectedEvent(boxofficeVerdict: scan.Verdict.ToString(), boxofficeGate: gateId, boxofficeNote: $"ticket {scan.TicketId} refused"); // clean strings
            }
            return scan.Verdict;
        }
        catch (AlreadyScannedException ex)
        {
            span.SetBoxofficeNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Ticket {Ticket} already scanned at {Gate}", ex.TicketId, ex.GateId); // clean exceptions
            ReEntries.Add(1, new KeyValuePair<string, object?>("boxoffice.gate", ex.GateId));
            return ScanVerdict.AlreadyUsed;
        }
        catch (GateOfflineException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            var ticket = await tickets.FindAsync(payload.Claims.TicketId, cancellationToken);
            logger.LogWarning("Offline admission of seat {Seat} for {Email}", ticket?.Seat, ticket?.HolderEmail); // leak TC1001 direct
            return ScanVerdict.Admitted;
        }
        finally
        {
            Meter.CreateBoxofficeScanDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, boxofficeGate: gateId);
        }
    }
}
