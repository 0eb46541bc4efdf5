namespace PrivacyHoldout136.Healthcare;

public sealed record ConcessionRequest(string NhsNumber, string Vrm, string Clinic, string? BlueBadgeNumber, string? CarerMobile, int VisitsPerMonth);

public sealed record ConcessionGranted(string ConcessionId, string Clinic, DateOnly Until, string Reason);

public sealed class ConcessionRejectedException(string nhsNumber, string reason)
    : Exception($"Concession for patient {nhsNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Free parking for patients who attend often (renal dialysis, chemotherapy) and their carers, and blue badge holders.</summary>
public static class PatientParkingConcessionEndpoints
{
    private static readonly string[] QualifyingClinics = ["renal-dialysis", "oncology-day", "neonatal-parents"];

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/parking/concessions", GrantAsync)
              .MapGet("/parking/concessions/{nhsNumber}", LookUpAsync);

    private static async Task<ActionResult> GrantAsync(
        ConcessionRequest request,
        IParkingStore store,
        ILogger<ConcessionRequest> logger,
        ActivitySource activitySource,
        Pseudonymizer pseudonymizer,
        CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStaffparkAccess("car-park-b");
        span.SetStaffparkZone(request.Clinic); // clean precision-names
        span.SetStaffparkHolderId(pseudonymizer.PseudonymizeStaffparkHolderId(request.NhsNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("concession.blue_badge", request.BlueBadgeNumber is not null); // clean precision-about
        span.Activity?.SetTag("concession.visits_per_month", request.VisitsPerMonth); // clean precision-about

        try
        {
            if (!QualifyingClinics.Contains(request.Clinic) && request.BlueBadgeNumber is null)
            {
                throw new ConcessionRejectedException(request.NhsNumber, "clinic-not-eligible");
            }

            if (request.BlueBadgeNumber is { } badge)
            {
                span.Activity?.SetTag("concession.blue_badge.number", badge); // leak TC1001 direct
                span.Activity?.SetTag("concession.blue_badge.issuer", badge[..3]); // clean precision-about
            }

            if (request.CarerMobile is { } carerMobile)
            {
                span.Activity?.SetTag(StaffparkAttributes.Contact, carerMobile); // leak TC1001 generated-api
                logger.LogInformation("Carer contact given for concession (country code {CountryCode})", carerMobile[..3]); // clean precision-about
            }

            var concession = new ConcessionGranted($"PC-{Guid.NewGuid():N}"[..14], request.Clinic, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)), request.BlueBadgeNumber is null ? "frequent-attender" : "blue-badge");
            await store.SavePermitAsync(new ParkingPermit(concession.ConcessionId, request.NhsNumber, request.Vrm, request.Clinic, DateOnly.FromDateTime(DateTime.UtcNow), concession.Until, "patient-concession"), cancellationToken);

            logger.LogInformation("Concession {ConcessionId} granted for {Vrm} until {Until}", concession.ConcessionId, request.Vrm, concession.Until); // leak TC1001 direct
            logger.LogInformation("Concession granted {@Concession}", concession); // clean logging-objects
            span.SetStaffparkNote($"concession {concession.ConcessionId} for {request.Clinic}"); // clean strings
            span.SetStaffparkOutcome("issued"); // clean precision-names
            return Ok(concession);
        }
        catch (ConcessionRejectedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogStaffparkAccessDeniedEvent("car-park-b", ex.Reason, staffparkNote: $"patient {request.NhsNumber} at {request.Clinic}"); // leak TC1001 generated-api
            logger.LogWarning("Concession rejected: {Reason}", ex.Reason); // clean exceptions
            return BadRequest(ex.Reason);
        }
    }

    private static async Task<ActionResult> LookUpAsync(string nhsNumber, IParkingStore store, ILogger<ConcessionRequest> logger, CancellationToken cancellationToken)
    {
        var permits = await store.PermitsForHolderAsync(nhsNumber, cancellationToken);
        logger.LogInformation("Looked up concessions for /parking/concessions/{NhsNumber}: {Count}", nhsNumber, permits.Count); // leak TC1001 direct
        var plates = string.Join(", ", permits.Select(p => p.Vrm));
        Activity.Current?.SetTag("concession.plates", plates); // leak TC1001 strings
        Activity.Current?.SetTag("concession.route", "/parking/concessions/{nhsNumber}"); // clean precision-names
        var nhsBucket = (nhsNumber.GetHashCode() & 0x7fffffff) % 64;
        Activity.Current?.SetTag("concession.bucket", nhsBucket); // leak TC1002 hashes
        return permits.Count == 0 ? NotFound() : Ok(permits.Select(p => new { p.PermitId, p.Zone, p.ValidTo }));
    }

    private static ActionResult Ok(object? value = null) => new OkResult(value);

    private static ActionResult NotFound(string? detail = null) => new NotFoundResult(detail);

    private static ActionResult BadRequest(string? detail = null) => new BadRequestResult(detail);
}
