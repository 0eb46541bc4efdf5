namespace PrivacyHoldout171.Media;

public sealed record CrewHireRequest(string FreelancerId, string NationalInsuranceNumber, string FullName, string Email, string LicenceNumber, string Production, string UnitBase, string VehicleClass, int Days);

/// <summary>The production office hires unit vehicles for freelance crew through the broadcaster's rental account.</summary>
[ApiController]
[Route("api/crew-vehicles")]
public sealed class CrewVehicleHireController(
    IRenterStore renters,
    Pseudonymizer pseudonymizer,
    ILogger<CrewVehicleHireController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcast.CrewVehicles");
    private static readonly Meter Meter = new("Broadcast.CrewVehicles");
    private readonly CrewcarRentalsCounter _rentals = Meter.CreateCrewcarRentalsCounter();
    private readonly CrewcarRentalDurationHistogram _duration = Meter.CreateCrewcarRentalDurationHistogram();

    [HttpPost("hires")]
    public async Task<ActionResult> Hire([FromBody] CrewHireRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCrewcarOperation(request.UnitBase);
        span.SetCrewcarVehicleClass(request.VehicleClass); // clean generated-api
        span.SetCrewcarRenterId(pseudonymizer.PseudonymizeCrewcarRenterId(request.FreelancerId)); // clean generated-api
        span.SetCrewcarRenterId(Pseudonym.FromComputed(request.FreelancerId)); // leak TC1001 generated-api

        Activity.Current?.SetTag("crew.production", request.Production); // clean precision-names
        Activity.Current?.SetTag("crew.request", string.Format(CultureInfo.InvariantCulture, "{0} x{1} at {2}", request.VehicleClass, request.Days, request.UnitBase)); // clean strings
        Activity.Current?.SetTag("crew.ni.prefix", request.NationalInsuranceNumber[..2]); // clean precision-about
        Activity.Current?.SetTag("crew.ni", request.NationalInsuranceNumber); // leak TC1001 direct

        var renter = await renters.FindAsync(request.FreelancerId);
        if (renter is null)
        {
            var notFound = new RenterNotFoundException(request.FreelancerId);
            Activity.Current?.AddException(notFound); // leak TC1001 exceptions
            logger.LogWarning("Freelancer not on the rental account: {Reason}", notFound.GetType().Name); // clean exceptions
            return NotFound();
        }

        logger.LogInformation("Hire for {Production}: {Renter}", request.Production, renter); // leak TC1001 logging-objects
        logger.LogInformation("Hire for {Production}: {Name} <{Email}>", request.Production, request.FullName, request.Email); // leak TC1001 direct
        logger.LogInformation("Hire for {Production}: {Days} days of a {Class}", request.Production, request.Days, request.VehicleClass); // clean precision-about

        _rentals.Add(1, request.UnitBase, "booked"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.UnitBase); // clean generated-api
        return Ok();
    }
}
