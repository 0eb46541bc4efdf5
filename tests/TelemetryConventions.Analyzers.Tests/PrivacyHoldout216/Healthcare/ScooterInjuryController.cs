namespace PrivacyHoldout216.Healthcare;

public sealed record InjuryIntakeRequest(string NhsNumber, string RiderId, string PatientName, string TripId, string Hospital, string InjuryDescription, string VehicleKind, string? OperatorContactEmail);

/// <summary>An emergency department's intake of e-scooter and cycle hire injuries, passed on to the operator's claims desk.</summary>
[ApiController]
[Route("api/ed/ride-injuries")]
public sealed partial class ScooterInjuryController(
    IInjuryClaimsClient claims,
    IRiderStore riders,
    Pseudonymizer pseudonymizer,
    ILogger<ScooterInjuryController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Healthcare.Injuries");
    private static readonly Meter Meter = new("PrivacyHoldout216.Healthcare.Injuries");
    private static readonly Counter<long> Intakes = Meter.CreateCounter<long>("ed.ride_injury.intakes");

    private string? _lastNhsNumber;
    private string _lastHospital = string.Empty;

    [HttpPost("")]
    public async Task<ActionResult> Intake([FromBody] InjuryIntakeRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ride_injury.intake");
        _lastNhsNumber = request.NhsNumber;
        _lastHospital = request.Hospital;
        activity?.SetTag("ed.hospital", request.Hospital); // clean precision-about
        activity?.SetTag("ride.trip_id", request.TripId); // clean precision-names
        activity?.SetTag("ride.vehicle_kind", request.VehicleKind); // clean precision-about
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("ride.rider_id", request.RiderId); // leak TC1001 direct
        activity?.SetTag("injury.description_length", request.InjuryDescription.Length); // clean precision-about
        activity?.SetTag("operator.contact_domain", request.OperatorContactEmail?.Split('@').Last()); // clean precision-about
        logger.LogInformation("Ride injury intake at {Hospital} for trip {TripId}", request.Hospital, request.TripId); // clean precision-names
        logger.LogInformation("Injury reported by {PatientName}", request.PatientName); // leak TC1001 direct
        logger.LogDebug("Injury described as {Description}", request.InjuryDescription); // leak TC1001 direct

        var rider = await riders.FindAsync(request.RiderId, cancellationToken);
        if (rider is null)
        {
            var ex = new RiderNotFoundException(request.RiderId);
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(RiderNotFoundException)); // clean exceptions
            return NotFound();
        }

        var report = new InjuryReport(Guid.NewGuid().ToString("N"), request.TripId, rider.RiderId, rider.FullName, request.InjuryDescription, request.Hospital, request.VehicleKind);
        logger.LogInformation("Injury report {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Injury report {@Report}", report with { RiderName = "", InjuryDescription = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Injury report {ReportId} for {Kind}", report.ReportId, report.VehicleKind); // clean logging-objects
        logger.LogInformation("Injury summary {Summary}", new { report.ReportId, report.Hospital, report.VehicleKind }); // clean logging-objects

        var riderPseudonym = pseudonymizer.Pseudonymize(RideDomains.Rider, rider.RiderId);
        activity?.SetTag("ride.rider", riderPseudonym.Value); // clean precision-pseudonym
        logger.LogInformation("Intake for rider {Rider}", riderPseudonym); // clean precision-pseudonym
        Intakes.Add(1, new KeyValuePair<string, object?>("ride.rider", riderPseudonym.Value)); // leak TC1003 precision-pseudonym
        Intakes.Add(1, new KeyValuePair<string, object?>("ed.hospital", request.Hospital)); // clean precision-about

        using var span = Source.StartRidecareOperation(request.Hospital);
        span.SetRidecareClientId(riderPseudonym); // clean generated-api
        span.SetRidecareVehicleKind(request.VehicleKind); // clean generated-api
        span.SetRidecareNote($"injury at {request.Hospital}: {request.InjuryDescription}"); // leak TC1001 generated-api
        try
        {
            var claimRef = await claims.FileAsync(report, cancellationToken);
            span.SetRidecareOutcome("ok"); // clean generated-api
            span.SetRidecareNote($"claim {claimRef} filed"); // clean generated-api
            LogClaimFiled(logger, claimRef, rider.Email); // clean logging-objects
        }
        catch (PaymentProviderException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogRidecareOperationFailedEvent(request.Hospital, "failed", riderPseudonym, ex.Message); // clean generated-api
            Meter.CreateRidecareOperationsCounter().Add(1, request.Hospital, "failed"); // clean generated-api
        }

        return Ok(report.ReportId);
    }

    [HttpGet("{tripId}/followup")]
    public ActionResult FollowUp(string tripId)
    {
        using var activity = Source.StartActivity("ride_injury.followup");
        activity?.SetTag("ride.trip_id", tripId); // clean precision-names
        activity?.SetTag("ed.last_patient", _lastNhsNumber); // leak TC1001 cross-member
        activity?.SetTag("ed.last_hospital", _lastHospital); // clean cross-member
        logger.LogInformation("Follow-up of {Patient} at {Hospital}", _lastNhsNumber, _lastHospital); // leak TC1001 cross-member
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(_lastNhsNumber ?? string.Empty));
        activity?.SetTag("ed.patient_hash", Convert.ToHexString(bytes)); // leak TC1002 hashes
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimRef} filed for {RiderEmail}")]
    private static partial void LogClaimFiled(ILogger logger, string claimRef, [PrivateData] string riderEmail);
}
