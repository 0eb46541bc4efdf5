namespace PrivacyHoldout171.Healthcare;

public sealed record PoolCarBookingRequest(string StaffNumber, string StaffEmail, string LicenceNumber, DateOnly DateOfBirth, string Team, DateTimeOffset From, DateTimeOffset To);

/// <summary>Community nurses book a pool car or an agency hire car for home visits.</summary>
[ApiController]
[Route("api/pool-cars")]
public sealed class PoolCarBookingController(
    ILicenceCheckService licences,
    Pseudonymizer pseudonymizer,
    RentalOptions options,
    ILogger<PoolCarBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.PoolCars");
    private static readonly Meter Meter = new("Trust.PoolCars");
    private readonly PoolcarRentalsCounter _rentals = Meter.CreatePoolcarRentalsCounter();
    private readonly PoolcarRentalDurationHistogram _duration = Meter.CreatePoolcarRentalDurationHistogram();

    [HttpPost("bookings")]
    public async Task<ActionResult> Book([FromBody] PoolCarBookingRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPoolcarOperation(request.Team);
        span.SetPoolcarRenterId(pseudonymizer.PseudonymizePoolcarRenterId(request.StaffNumber)); // clean generated-api
        span.SetPoolcarVehicleClass("compact"); // clean generated-api

        var age = DateTime.UtcNow.Year - request.DateOfBirth.Year;
        Activity.Current?.SetTag("poolcar.driver.age", age); // clean precision-about
        Activity.Current?.SetTag("poolcar.driver.dob", request.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        Activity.Current?.SetTag("poolcar.staff.email.domain", request.StaffEmail.Split('@')[1]); // clean precision-about

        if (age < options.MinimumDriverAge)
        {
            logger.LogInformation("Booking refused for {StaffNumber}: under {Age}", request.StaffNumber, options.MinimumDriverAge); // leak TC1001 direct
            _rentals.Add(1, request.Team, "under-age"); // clean generated-api
            return BadRequest("age");
        }

        try
        {
            var check = await licences.CheckAsync(request.LicenceNumber, "pool");
            logger.LogInformation("Licence check for team {Team}: {Points} points, categories {Categories}", request.Team, check.PenaltyPoints, check.Categories); // clean precision-about
            logger.LogDebug("Licence check result {Check}", check); // leak TC1001 logging-objects
            if (check.PenaltyPoints > options.MaximumPenaltyPoints)
            {
                span.SetPoolcarOutcome("declined"); // clean generated-api
                span.SetPoolcarNote("Licence " + request.LicenceNumber + " over the points limit"); // leak TC1001 generated-api
                return BadRequest("points");
            }
        }
        catch (LicenceServiceUnavailableException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Licence service down while booking for team {Team}", request.Team); // clean exceptions
            return BadRequest("unavailable");
        }

        _rentals.Add(1, request.Team, "booked"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Team); // clean generated-api
        logger.LogInformation("Pool car booked by {StaffEmail} from {From}", request.StaffEmail, request.From); // leak TC1001 direct
        return Ok();
    }
}
