namespace PrivacyHoldout157.Energy;

/// <summary>A rental booked near a substation for a long job. Prints job, listing, host and the engineer's staff number.</summary>
public sealed record RentalForJob(string JobId, string ListingId, Guid HostId, string EngineerStaffNumber, DateOnly From, DateOnly To);

/// <summary>Books short-stay rentals near substations for crews on long jobs, and passes the smart lock code to the crew.</summary>
[ApiController]
[Route("api/crew-rentals")]
public sealed partial class SubstationRentalStaysController(
    IHostDirectory hosts,
    ISmartLockCloud locks,
    IGuestMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SubstationRentalStaysController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Grid.CrewRentals");

    [HttpPost("")]
    public async Task<ActionResult> BookAsync([FromBody] RentalForJob request, CancellationToken cancellationToken)
    {
        using var span = Source.StartCrewlodgingOperation("rentals");
        span.SetCrewlodgingHostId(pseudonymizer.PseudonymizeCrewlodgingHostId(request.HostId.ToString())); // clean precision-pseudonym
        span.SetCrewlodgingEngineerId(pseudonymizer.PseudonymizeCrewlodgingEngineerId(request.EngineerStaffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("rental.listing_id", request.ListingId); // clean precision-names
        Activity.Current?.SetTag("rental.host_id", request.HostId); // leak TC1001 direct

        var host = await hosts.GetAsync(request.HostId, cancellationToken);
        var listing = await hosts.ListingAsync(request.ListingId, cancellationToken);
        Activity.Current?.SetTag("rental.city", listing.City); // clean precision-about
        Activity.Current?.SetTag("rental.neighbourhood", listing.Neighbourhood); // clean precision-about
        Activity.Current?.SetTag("rental.address", listing.StreetAddress); // leak TC1001 direct
        logger.LogInformation("Crew rental {Listing} booked", listing); // leak TC1001 logging-objects
        logger.LogInformation("Crew rental {ListingId} in {City}, {Bedrooms} bedrooms", listing.ListingId, listing.City, listing.Bedrooms); // clean logging-objects
        LogHostContact(logger, host.DisplayName, host.Mobile); // clean logging-objects
        LogHostForJob(logger, host.Email, request.JobId); // leak TC1001 logging-objects

        var code = await locks.IssueAsync(request.ListingId, request.From.ToDateTime(new TimeOnly(14, 0)), request.To.ToDateTime(new TimeOnly(10, 0)), cancellationToken);
        await messenger.TextAsync("crew-desk", $"Lock code for {request.ListingId}: {code.Pin}", cancellationToken);
        Activity.Current?.SetTag("rental.lock.pin_length", code.Pin.Length); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("rental.lock.issued", tags: new ActivityTagsCollection { ["lock.code"] = code.Pin })); // leak TC1001 direct
        Activity.Current?.SetTag("rental.lock.window_hours", (code.ValidTo - code.ValidFrom).TotalHours); // clean precision-about
        span.SetCrewlodgingNote($"Rental {listing.ListingId} in {listing.City} for job {request.JobId}"); // clean generated-api
        span.SetCrewlodgingOutcome($"booked at {listing.StreetAddress}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("rental.host.lane", HMACSHA256.HashData(secrets.ShardKey, request.HostId.ToByteArray())[0] & 15); // clean hashes
        Activity.Current?.SetTag("rental.host.hash", request.HostId.GetHashCode()); // leak TC1002 hashes
        return Ok(code.ValidFrom);
    }

    [HttpGet("{listingId}/battery")]
    public async Task<ActionResult> BatteryAsync(string listingId, CancellationToken cancellationToken)
    {
        var battery = await locks.BatteryAsync(listingId, cancellationToken);
        if (battery < 10)
        {
            var offline = new LockOfflineException(listingId, battery);
            logger.LogWarning(offline, "Lock battery low"); // clean exceptions
        }
        return Ok(battery);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostName} reachable on {HostMobile}")]
    private static partial void LogHostContact(ILogger logger, [PrivateData] string hostName, [PrivateData] string hostMobile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostEmail} notified of job {JobId}")]
    private static partial void LogHostForJob(ILogger logger, string hostEmail, string jobId);
}
