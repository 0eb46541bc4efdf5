namespace PrivacyHoldout141.Transport;

/// <summary>
/// The rider app's booking endpoint for the on-demand minibuses: a fare is quoted for the zone (a concession
/// card rides free, a campaign code takes money off), and the request joins the next matching batch.
/// </summary>
public static class OnDemandRequestEndpoints
{
    private static readonly HashSet<string> CampaignCodes = new(StringComparer.OrdinalIgnoreCase) { "SPRING25", "FIRSTRIDE", "NIGHTOWL" };

    public static EndpointRoutes MapOnDemandRequests(this EndpointRoutes routes)
    {
        routes.MapPost("/on-demand/bookings", BookAsync);
        return routes;
    }

    private static async Task<ActionResult> BookAsync(
        OnDemandBooking booking,
        IRideDispatchClient dispatch,
        Pseudonymizer pseudonymizer,
        RidePlatformOptions options,
        ActivitySource source,
        Meter meter,
        ILogger<OnDemandBooking> logger)
    {
        using var span = source.StartOndemandOperation(booking.Zone, "ondemand.book");
        span.SetOndemandRiderId(pseudonymizer.PseudonymizeOndemandRiderId(booking.RiderAccountId)); // clean generated-api
        span.SetOndemandSeatCount(booking.Seats);
        span.Activity?.SetTag("ondemand.pickup.stop", booking.PickupStopId); // clean precision-names
        span.Activity?.SetTag("ondemand.pickup.kind", booking.PickupPosition is null ? "virtual-stop" : "position"); // clean precision-about
        span.Activity?.SetTag("ondemand.rider.account", booking.RiderAccountId); // leak TC1001 direct
        span.Activity?.SetTag("ondemand.concession", booking.ConcessionCardNumber is not null); // clean precision-about

        var pickup = booking.PickupPosition ?? VirtualStops.Position(booking.PickupStopId!);
        var request = new RideRequest(booking.BookingId, booking.RiderAccountId, "", pickup, pickup, "minibus", booking.Seats, false);
        if (booking.PickupPosition is { } own)
        {
            span.Activity?.SetTag("ondemand.pickup.position", $"{own.Latitude:F5},{own.Longitude:F5}"); // leak TC1001 strings
        }

        try
        {
            if (booking.PromoCode is { } code && !CampaignCodes.Contains(code))
            {
                throw new PromoCodeRejectedException(code);
            }

            span.Activity?.SetTag("ondemand.promo", booking.PromoCode); // clean precision-names
            var quote = await dispatch.QuoteAsync(request);
            span.Activity?.SetTag("ondemand.fare", quote.Amount);
            span.Activity?.SetTag("ondemand.surge", Math.Min(quote.SurgeMultiplier, options.MaxSurgeMultiplier)); // clean precision-about
            logger.LogInformation("Quoted {@Quote} for {Booking}", quote, booking); // leak TC1001 logging-objects
            meter.CreateOndemandTripsCounter().Add(1, booking.Zone, "quoted"); // clean generated-api
            return new OkResult(quote);
        }
        catch (PromoCodeRejectedException ex)
        {
            logger.LogInformation(ex, "Promotion refused in {Zone}", booking.Zone); // leak TC1001 exceptions
            span.Activity?.SetTag("ondemand.promo.rejected_length", ex.Code.Length); // clean exceptions
            return new BadRequestResult("promo");
        }
        catch (ConcessionCardRefusedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.ReasonCode); // clean exceptions
            logger.LogOndemandTripFailedEvent(booking.Zone, "concession-refused", pseudonymizer.PseudonymizeOndemandRiderId(booking.RiderAccountId), ex.Message); // leak TC1001 exceptions
            return new BadRequestResult(ex.ReasonCode);
        }
        catch (RiderSuspendedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.Activity?.SetTag(OndemandAttributes.Contact, booking.RiderEmail); // leak TC1001 generated-api
            logger.LogWarning("Suspended rider tried to book: {Error}", ex.Message); // leak TC1001 exceptions
            return new BadRequestResult(ex.ReasonCode);
        }
        catch (NoDriverAvailableException ex)
        {
            logger.LogWarning(ex, "No minibus near the pickup in {Zone}", ex.Zone); // clean exceptions
            span.SetOndemandNote(ex.Message); // clean generated-api
            return new NotFoundResult(ex.Zone);
        }
    }
}

/// <summary>The operator's virtual stops (kerbside points in each zone, public).</summary>
internal static class VirtualStops
{
    public static GeoPoint Position(string stopId) => stopId switch
    {
        "VS-NE-014" => new GeoPoint(54.978021, -1.612338),
        "VS-NE-022" => new GeoPoint(54.983110, -1.596470),
        _ => new GeoPoint(54.973800, -1.613200),
    };
}
