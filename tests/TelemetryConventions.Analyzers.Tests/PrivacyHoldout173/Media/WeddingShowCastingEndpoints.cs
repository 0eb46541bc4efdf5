namespace PrivacyHoldout173.Media;

/// <summary>Applications from couples to the broadcaster's wedding makeover show, on a minimal API.</summary>
public static partial class WeddingShowCastingEndpoints
{
    private static readonly ActivitySource Source = new("Broadcaster.Casting.WeddingShow");
    private static readonly Meter Meter = new("Broadcaster.Casting.WeddingShow");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("casting.applications");

    private static readonly List<ShowApplication> Shortlist = new();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/casting/wedding-show", Apply);
        routes.MapPost("/casting/wedding-show/shortlist/report", ReportShortlist);
    }

    private static ActionResult Apply(ShowApplication application, ILogger<ShowApplication> logger, Pseudonymizer pseudonymizer)
    {
        using var activity = Source.StartActivity("casting.apply");
        activity?.SetTag("casting.region", application.Region); // clean precision-about
        activity?.SetTag("casting.application", application.ApplicationId); // clean precision-names
        activity?.SetTag("casting.story.words", application.Story.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("casting.applicant.phone", application.Phone); // leak TC1001 direct
        Applications.Add(1, new KeyValuePair<string, object?>("region", application.Region)); // clean precision-about

        LogApplication(logger, application.ApplicationId, application.CoupleNames, application.Story); // clean logging-objects
        LogApplicationForProducers(logger, application.CoupleNames, application.Region); // leak TC1001 logging-objects
        logger.LogDebug("Story preview: {Preview}", application.Story[..Math.Min(80, application.Story.Length)]); // leak TC1001 strings
        logger.LogDebug("Phone prefix {Prefix}", application.Phone[..4]); // clean precision-about

        if (application.Story.Contains("terminal", StringComparison.OrdinalIgnoreCase))
        {
            Shortlist.Add(application);
            var applicant = pseudonymizer.PseudonymizeWeddingtvCoupleId(application.Email);
            logger.LogInformation("Shortlisted {Applicant}", applicant); // clean precision-pseudonym
            Activity.Current?.SetBaggage("casting.applicant", pseudonymizer.ComputeWeddingtvCoupleId(application.Email)); // clean precision-pseudonym
        }
        return new OkResult(application.ApplicationId);
    }

    private static ActionResult ReportShortlist(ILogger<ShowApplication> logger)
    {
        var emails = Shortlist.Select(a => a.Email).ToArray();
        logger.LogInformation("Shortlist to call back: {Emails}", (object)emails); // leak TC1001 cross-member
        logger.LogInformation("Shortlist of {Count} couples across {Regions} regions", Shortlist.Count, Shortlist.Select(a => a.Region).Distinct().Count()); // clean cross-member
        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} from {Couple}: {Story}")]
    private static partial void LogApplication(ILogger logger, string applicationId, [PrivateData] string couple, [PrivateData] string story);

    [LoggerMessage(Level = LogLevel.Information, Message = "New application from {Couple} in {Region}")]
    private static partial void LogApplicationForProducers(ILogger logger, string couple, string region);
}
