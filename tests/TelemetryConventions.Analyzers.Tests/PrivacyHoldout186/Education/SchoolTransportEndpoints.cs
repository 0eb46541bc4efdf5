namespace PrivacyHoldout186.Education;

public sealed record PassReplacementRequest(string PupilUpn, string PupilName, string ParentEmail, string Reason);

/// <summary>A council's minimal API for home-to-school transport applications and pupils' bus passes.</summary>
public static class SchoolTransportEndpoints
{
    private static readonly ActivitySource Source = new("Council.SchoolTransport");
    private static readonly Meter Meter = new("Council.SchoolTransport");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("school_transport.applications");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/school-transport/applications", ApplyAsync);
        routes.MapPost("/school-transport/passes/{passId}/replace", ReplacePass);
    }

    private static async Task<ActionResult> ApplyAsync(SchoolTransportApplication application, PassServiceOptions options, Pseudonymizer pseudonymizer, ILogger<SchoolTransportApplication> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("school_transport.apply");
        var eligible = application.DistanceKm >= options.StatutoryWalkingDistanceKm;
        var decision = new EligibilityDecision(application.ApplicationId, eligible ? "distance" : "none", eligible, Math.Round(application.DistanceKm, 1));

        activity?.SetTag("application.id", application.ApplicationId); // clean precision-names
        activity?.SetTag("school.urn", application.SchoolUrn); // clean precision-names
        activity?.SetTag("application.distance_km", Math.Round(application.DistanceKm, 1)); // clean precision-about
        activity?.SetTag("application.eligible", eligible); // clean precision-about
        activity?.SetTag("pupil.upn", application.PupilUpn); // leak TC1001 direct
        activity?.SetTag("pupil.ref", pseudonymizer.PseudonymizePupilrideClientId(application.PupilUpn)); // clean precision-pseudonym
        activity?.SetTag("parent.email_domain", application.ParentEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("parent.email", application.ParentEmail); // leak TC1001 direct
        activity?.SetTag("pupil.home_postcode", application.HomePostcode); // leak TC1001 direct
        activity?.AddBaggage("pupil.upn", application.PupilUpn); // leak TC1001 direct
        activity?.AddBaggage("school.urn", application.SchoolUrn); // clean precision-names

        logger.LogInformation("Decision {@Decision}", decision); // clean logging-objects
        logger.LogInformation("Application {@Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Application {ApplicationId} for {PupilName} at {SchoolUrn}", application.ApplicationId, application.PupilName, application.SchoolUrn); // leak TC1001 direct
        logger.LogInformation("Application {Application}", new { application.ApplicationId, application.SchoolUrn, decision.Route }); // clean logging-objects
        logger.LogInformation("Application {Application}", new { application.ApplicationId, application.HomePostcode }); // leak TC1001 logging-objects

        Applications.Add(1, new KeyValuePair<string, object?>("school", application.SchoolUrn), new KeyValuePair<string, object?>("route", decision.Route)); // clean precision-names
        Applications.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.PseudonymizePupilrideClientId(application.PupilUpn))); // leak TC1003 precision-pseudonym

        using var span = Source.StartPupilrideOperation(application.SchoolUrn);
        span.SetPupilrideClientId(pseudonymizer.PseudonymizePupilrideClientId(application.PupilUpn)); // clean generated-api
        span.SetPupilrideConcession(eligible ? "pupil-free" : "pupil-spare-seat"); // clean generated-api
        span.SetPupilrideNote($"applied from {application.HomePostcode}"); // leak TC1001 generated-api
        span.SetPupilrideOutcome(decision.Route); // clean generated-api
        await Task.CompletedTask;
        return new OkResult(decision);
    }

    private static ActionResult ReplacePass(string passId, PassReplacementRequest request, TelemetrySecrets secrets, ILogger<PassReplacementRequest> logger)
    {
        var pass = new PupilBusPass(passId, request.PupilUpn, request.PupilName, "R-114", "URN-100234");
        Activity.Current?.SetTag("pass.id", pass.PassId); // clean precision-names
        Activity.Current?.SetTag("pass.route", pass.RouteId); // clean precision-names
        Activity.Current?.SetTag("pass.replacement.reason", request.Reason); // clean precision-names
        Activity.Current?.SetTag("pass.holder.key", request.PupilUpn.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("pass.holder.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PupilUpn))[0]); // clean hashes
        logger.LogInformation("Replacement pass {Pass}", pass); // leak TC1001 logging-objects
        logger.LogInformation("Replacement pass {PassId} on route {RouteId}", pass.PassId, pass.RouteId); // clean precision-names
        logger.LogInformation(string.Format("Replacement pass for {0} ({1})", request.PupilName, pass.PassId)); // leak TC1001 strings
        logger.LogInformation(string.Format("Replacement pass {0} on route {1}", pass.PassId, pass.RouteId)); // clean strings
        return new OkResult(pass.PassId);
    }
}
