namespace PrivacyHoldout141.Education;

/// <summary>
/// The parents' page of the school transport service: a parent says a pupil will not travel in a session,
/// the taxi firm and the escort are told, and a pupil taken off a route by mistake can be put back.
/// </summary>
public static class NotTravellingEndpoints
{
    public static EndpointRoutes MapNotTravelling(this EndpointRoutes routes)
    {
        routes.MapPost("/school-transport/not-travelling", ReportAsync);
        routes.MapPost("/school-transport/{routeId}/restore", RestoreAsync);
        return routes;
    }

    private static async Task<ActionResult> ReportAsync(
        NotTravellingNotice notice,
        string routeId,
        string parentEmail,
        ISchoolContractsClient contracts,
        Pseudonymizer pseudonymizer,
        ActivitySource source,
        Meter meter,
        ILogger<NotTravellingNotice> logger)
    {
        var activity = Activity.Current;
        activity?.EnrichSchoolrunOperation(routeId).SetSchoolrunPupilId(pseudonymizer.PseudonymizeSchoolrunPupilId(notice.TransportRef)); // clean generated-api
        activity?.SetTag("schoolrun.notice.session", notice.Session);
        activity?.SetTag("schoolrun.notice.date", notice.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        activity?.SetTag("schoolrun.notice.reason_words", notice.Reason.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("schoolrun.parent.email_domain", parentEmail[(parentEmail.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Not travelling {@Notice}", notice); // leak TC1001 logging-objects

        using var scope = logger.BeginScope("Pupil {TransportRef} on {RouteId}", notice.TransportRef, routeId); // leak TC1001 direct
        activity?.AddBaggage("schoolrun.pupil", pseudonymizer.ComputeSchoolrunPupilId(notice.TransportRef)); // clean precision-pseudonym

        var message = FirmMessage(notice, routeId);
        await contracts.NotifyFirmAsync(routeId, message);
        logger.LogDebug("Sent firm message: {Message}", message); // leak TC1001 strings
        logger.LogDebug("Sent firm message of {Length} characters", message.Length); // clean strings

        new SchoolrunOperationSpan(activity).SetSchoolrunNote($"Not travelling {notice.Session} {notice.Date:dd/MM}: {notice.Reason}"); // leak TC1001 generated-api
        new SchoolrunOperationSpan(activity).SetSchoolrunOutcome("not-travelling");
        activity?.SetTag(SchoolrunAttributes.Contact, parentEmail); // leak TC1001 generated-api
        meter.CreateSchoolrunRunsCounter().Add(1, routeId, "not-travelling");
        return Ok();
    }

    private static async Task<ActionResult> RestoreAsync(
        string routeId,
        string transportRef,
        ISchoolContractsClient contracts,
        Pseudonymizer pseudonymizer,
        ILogger<NotTravellingNotice> logger)
    {
        try
        {
            await contracts.AssignAsync(routeId, transportRef);
            return Ok();
        }
        catch (PassengerNotOnRouteException ex)
        {
            logger.LogWarning("Restore failed: {Error}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("schoolrun.restore.route", ex.RouteId); // clean exceptions
            return NotFoundDetail(ex.RouteId);
        }
        catch (RouteFullException ex)
        {
            logger.LogWarning(ex, "Route full when restoring a pupil"); // clean exceptions
            logger.LogSchoolrunRunFailedEvent(ex.RouteId, "route-full", pseudonymizer.PseudonymizeSchoolrunPupilId(transportRef), ex.Message); // clean exceptions
            return NotFoundDetail(ex.RouteId);
        }
    }

    private static string FirmMessage(NotTravellingNotice notice, string routeId) =>
        $"{routeId}: {notice.ParentName} says {notice.TransportRef} will not travel {notice.Session} on {notice.Date:dd/MM}";

    private static ActionResult NotFoundDetail(string detail) => new NotFoundResult(detail);

    private static ActionResult Ok() => new OkResult(null);
}
