namespace PrivacyHoldout130.Transport;

public sealed record RelocationRequest(string StaffNumber, string FullName, string Mobile, string FromAddress, string FromPostcode, string ToCottageRef, DateOnly MoveDate, int Rooms, bool NeedsStorage);

public sealed record RemovalsQuote(string QuoteRef, string Firm, decimal Price, int CrewSize, DateOnly MoveDate);

/// <summary>The removals firm cannot reach the address; its message quotes the postcode.</summary>
public sealed class AccessRestrictedException(string postcode) : Exception($"Vehicle access restricted at {postcode}");

/// <summary>
/// Books removals for staff relocating to a depot's housing and takes the move-in meter readings the day they
/// arrive, so the utilities are in the new tenant's name from day one.
/// </summary>
public sealed class RelocationRemovalsHandler(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RelocationRemovalsHandler> logger)
{
    private static readonly ActivitySource Source = new("Rail.Relocation");
    private static readonly Meter Meter = new("Rail.Relocation");
    private static readonly Histogram<double> QuotePrice = Meter.CreateHistogram<double>("relocation.quote.price", "GBP");

    public async Task<RemovalsQuote?> BookAsync(RelocationRequest request, CancellationToken ct)
    {
        using var span = Source.StartRailhomesTenancy(request.ToCottageRef);
        span.SetRailhomesTenantId(pseudonymizer.PseudonymizeRailhomesTenantId(request.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("relocation.rooms", request.Rooms); // clean precision-about
        span.Activity?.SetTag("relocation.storage", request.NeedsStorage); // clean precision-about
        span.Activity?.SetTag("relocation.from.area", request.FromPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("relocation.from", $"{request.FromAddress}, {request.FromPostcode}"); // leak TC1001 strings
        logger.LogInformation("Relocation for {StaffNumber} to {Cottage} on {MoveDate}", request.StaffNumber, request.ToCottageRef, request.MoveDate); // leak TC1001 direct
        logger.LogDebug("Relocation request {@Request}", request with { Mobile = "***" }); // leak TC1001 logging-objects

        await Task.Yield();
        try
        {
            if (request.FromPostcode.StartsWith("EC", StringComparison.Ordinal))
            {
                throw new AccessRestrictedException(request.FromPostcode);
            }
            var quote = new RemovalsQuote("RQ-" + Guid.NewGuid().ToString("N")[..8], "Depot Movers", 120m * request.Rooms, 2, request.MoveDate);
            logger.LogInformation("Quote {Quote}", quote); // clean logging-objects
            QuotePrice.Record((double)quote.Price, new KeyValuePair<string, object?>("firm", quote.Firm), new("rooms", request.Rooms)); // clean precision-about
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.StaffNumber))[0] % 4;
            QuotePrice.Record((double)quote.Price, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            return quote;
        }
        catch (AccessRestrictedException ex)
        {
            logger.LogWarning(ex, "Removals need a permit"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, nameof(AccessRestrictedException)); // clean exceptions
            return null;
        }
    }

    public void RecordMoveInReading(string staffNumber, string cottageRef, string meterSerial, decimal reading)
    {
        using var span = Source.StartRailhomesTenancy(cottageRef).SetRailhomesOutcome("reading"); // clean precision-names
        span.Activity?.SetTag("relocation.reading", reading); // clean precision-about
        span.Activity?.SetTag("relocation.meter", meterSerial); // leak TC1001 direct
        span.Activity?.SetTag("relocation.tenant.key", staffNumber.GetHashCode()); // leak TC1002 hashes
    }
}
