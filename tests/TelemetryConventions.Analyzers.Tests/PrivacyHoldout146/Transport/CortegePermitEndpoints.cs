namespace PrivacyHoldout146.Transport;

/// <summary>The permit office's API that funeral directors and wedding car firms call.</summary>
public static class CortegePermitEndpoints
{
    private static readonly Meter PermitMeter = new("Transit.Permits");
    private static readonly Counter<long> Applications = PermitMeter.CreateCounter<long>("cortege.applications");

    public static EndpointRoutes MapCortegePermits(this EndpointRoutes routes)
    {
        routes.MapPost("/permits/cortege", async (CortegePermitApplication application, IPermitOffice office, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, LifeEventsOptions options, ILogger<CortegePermitApplication> logger, CancellationToken cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var span = source.StartCortegeOperation(options.Depot);
            span.SetCortegeRoute(application.RouteId).SetCortegeVehicleCount(application.Vehicles); // clean generated-api
            span.SetCortegeApplicantId(pseudonymizer.PseudonymizeCortegeApplicantId(application.ApplicantPhone)); // clean precision-pseudonym
            Activity.Current?.SetTag("cortege.funeral_director", application.FuneralDirectorFirm); // clean precision-about
            Activity.Current?.SetTag("cortege.deceased", application.DeceasedName); // leak TC1001 direct
            Activity.Current?.SetTag("cortege.family_car", application.FamilyCarPlate); // leak TC1001 direct
            Activity.Current?.SetTag("cortege.has_family_car", application.FamilyCarPlate is not null); // clean precision-about
            logger.LogInformation("Cortege application {@Application}", application); // leak TC1001 logging-objects
            Applications.Add(1, new KeyValuePair<string, object?>("route", application.RouteId), new KeyValuePair<string, object?>("hour", application.DepartsAt.Hour)); // clean precision-about
            try
            {
                var permit = await office.IssueAsync(application, cancellationToken);
                logger.LogInformation("Permit issued {@Permit}", permit); // clean logging-objects
                meter.CreateCortegePermitDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, cortegeDepot: options.Depot); // clean generated-api
                meter.CreateCortegePermitsCounter().Add(1, cortegeDepot: options.Depot, cortegeOutcome: application.FamilyCarPlate ?? "none"); // leak TC1003 generated-api
                return (ActionResult)new OkResult(permit.PermitId);
            }
            catch (RouteClosedException ex)
            {
                span.SetCortegeOutcome(ex.ReasonCode).SetCortegeNote(ex.Message); // clean exceptions
                return new BadRequestResult(ex.ReasonCode);
            }
            catch (PermitClashException ex)
            {
                logger.LogCortegeOperationFailedEvent(options.Depot, "clash", cortegeNote: ex.Message); // clean exceptions
                logger.LogCortegeOperationFailedEvent(options.Depot, "clash", cortegeNote: $"clash for {application.ApplicantName}"); // leak TC1001 generated-api
                return new BadRequestResult("clash");
            }
        });

        return routes;
    }
}
