namespace PrivacyHoldout154.Retail;

/// <summary>The online service booking: a minimal API over the DMS, with finance proposals for service plans.</summary>
public static partial class ServiceBookingEndpoints
{
    public static EndpointRoutes MapServiceBooking(this EndpointRoutes routes)
    {
        routes.MapPost("/bookings", BookAsync);
        routes.MapPost("/service-plans/finance", ProposeAsync);
        return routes;
    }

    private static async Task<ActionResult> BookAsync(ServiceBooking booking, string site, IDealerManagementSystem dms, ILogger<ServiceBooking> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity.EnrichDealerOperation(site).SetDealerCustomerId(pseudonymizer.PseudonymizeDealerCustomerId(booking.CustomerNumber)); // clean precision-pseudonym
        activity?.SetTag("booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("booking.service_type", booking.ServiceType); // clean precision-about
        activity?.SetTag("booking.vehicle_registration", booking.Registration); // leak TC1001 direct
        activity?.SetTag("booking.has_description", booking.CustomerDescription is { Length: > 0 }); // clean precision-about
        activity?.SetTag("booking.description", booking.CustomerDescription); // leak TC1001 direct
        LogBookingRequested(logger, booking.BookingId, booking.Registration); // leak TC1001 logging-objects
        LogBookingForCustomer(logger, booking.BookingId, booking.CustomerNumber); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["BookingId"] = booking.BookingId, ["Site"] = site })) // clean precision-names
        {
            try
            {
                var confirmed = await dms.BookAsync(booking, cancellationToken);
                logger.LogInformation("Booked {Booking}", confirmed); // leak TC1001 logging-objects
                logger.LogInformation("Booked {BookingId} for {Date:d}", confirmed.BookingId, confirmed.Date); // clean precision-about
                var lane = LaneOf(secrets.ShardKey, booking.Registration);
                activity?.SetTag("booking.reminder_lane", lane); // clean hashes
                activity?.SetTag("booking.vehicle_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.Registration)))[..12]); // leak TC1002 hashes
                return new OkResult(confirmed.BookingId);
            }
            catch (BookingSlotTakenException ex)
            {
                logger.LogOperationFailedWithMessage(site, ex.Message); // clean exceptions
                return new BadRequestResult("slot");
            }
        }
    }

    private static async Task<ActionResult> ProposeAsync(FinanceProposal proposal, string site, IDealerManagementSystem dms, ILogger<FinanceProposal> logger, Pseudonymizer pseudonymizer, Meter meter, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Activity.Current?.SetTag("finance.proposal_id", proposal.ProposalId); // clean precision-names
        Activity.Current?.SetTag("finance.term_months", proposal.TermMonths); // clean precision-about
        Activity.Current?.SetBaggage("finance.customer", proposal.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("finance.customer_pseudonym", pseudonymizer.ComputeDealerCustomerId(proposal.CustomerNumber)); // clean precision-pseudonym
        logger.LogInformation("Proposal {Proposal}", proposal); // leak TC1001 logging-objects
        try
        {
            var decision = await dms.ProposeAsync(proposal, cancellationToken);
            logger.LogInformation("Lender decision {Decision}", decision); // clean logging-objects
            meter.CreateDealerSalesCounter().Add(1, site, decision.Decision); // clean generated-api
            meter.CreateDealerSalesCounter().Add(1, site, $"declined:{proposal.CustomerNumber}"); // leak TC1003 generated-api
            return new OkResult(decision.Decision);
        }
        catch (LenderTimeoutException ex)
        {
            logger.LogDealerOperationFailedEvent(site, "lender-timeout", dealerNote: ex.Message); // clean generated-api
            logger.LogDealerOperationFailedEvent(site, "lender-timeout", dealerCustomerId: pseudonymizer.PseudonymizeDealerCustomerId(proposal.CustomerNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("finance.lender", ex.Lender); // clean precision-names
            Activity.Current?.SetTag("finance.wait_ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-about
            return new BadRequestResult("lender");
        }
    }

    private static int LaneOf(byte[] key, string registration) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(registration))[0] % 8;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Booking {BookingId} requested for {Registration}")]
    private static partial void LogBookingRequested(ILogger logger, string bookingId, string registration);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Booking {BookingId} requested by {CustomerNumber}")]
    private static partial void LogBookingForCustomer(ILogger logger, string bookingId, [PrivateData] string customerNumber);
}

/// <summary>The dealer group's logging helpers.</summary>
public static partial class DealerLogging
{
    [LoggerMessage(EventId = 4190, Level = LogLevel.Warning, Message = "Operation failed at {Site}: {Reason}")]
    public static partial void LogOperationFailedWithMessage(this ILogger logger, string site, string reason);
}
