namespace PrivacyHoldout162.Media;

[ApiController]
[Route("api/critics")]
public sealed partial class CriticVisitsController(Pseudonymizer pseudonymizer, Meter meter, ILogger<CriticVisitsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Reviews.Critics");

    [HttpPost("visits")]
    public ActionResult Book([FromBody] CriticVisit visit)
    {
        using var activity = Source.StartActivity("critic.visit.book");
        activity?.SetTag("critic.visit.id", visit.VisitId); // clean precision-names
        activity?.SetTag("critic.visit.date", visit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("critic.name", visit.CriticName); // leak TC1001 direct
        activity?.SetTag("critic.name.length", visit.CriticName.Length); // clean precision-about
        activity?.SetTag("critic.restaurant", visit.RestaurantId); // clean precision-names
        LogVisitBooked(logger, visit.VisitId, visit.CriticName); // clean logging-objects
        LogVisitForCritic(logger, visit.CriticName, visit.RestaurantId); // leak TC1001 logging-objects
        logger.LogInformation("Visit booked {Label}", Label(visit)); // leak TC1001 strings
        logger.LogInformation("Visit slot {Slot}", Slot(visit)); // clean strings
        meter.CreateDinereviewsOrdersCounter().Add(1, visit.RestaurantId, "visit-booked"); // clean generated-api
        return new OkResult(visit.VisitId);
    }

    [HttpPost("replies")]
    public ActionResult Reply(string reviewId, string ownerEmail, string reply)
    {
        var user = HttpContext.User;
        using var activity = Source.StartActivity("owner.reply");
        activity?.SetTag("reply.review.id", reviewId); // clean precision-names
        activity?.SetTag("reply.owner", user.SubjectId); // leak TC1001 direct
        activity?.SetTag("reply.owner.pseudonym", pseudonymizer.ComputeDinereviewsStaffId(user.SubjectId ?? "anonymous")); // clean precision-pseudonym
        activity?.SetTag("reply.owner.email", ownerEmail); // leak TC1001 direct
        activity?.SetTag("reply.length", reply.Length); // clean precision-about
        activity?.SetTag("user_agent.original", HttpContext.RequestHeaders["User-Agent"]); // clean precision-names
        logger.LogDebug("Owner reply to {ReviewId}: {Reply}", reviewId, reply.Length > 40 ? "long" : "short"); // clean precision-about
        return new OkResult(reviewId);
    }

    private static string Label(CriticVisit visit) => $"{visit.CriticName} @ {visit.RestaurantId}";

    private static string Slot(CriticVisit visit) => $"{visit.RestaurantId}/{visit.Date:yyyy-MM-dd}";

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Visit {VisitId} booked for {CriticName}")]
    private static partial void LogVisitBooked(ILogger logger, string visitId, [PrivateData] string criticName);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Critic {CriticName} will visit {RestaurantId}")]
    private static partial void LogVisitForCritic(ILogger logger, string criticName, string restaurantId);
}
