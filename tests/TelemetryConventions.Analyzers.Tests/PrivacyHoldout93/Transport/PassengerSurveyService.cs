namespace PrivacyHoldout93.Transport;

/// <summary>
/// Passenger surveys: after a tapped-out journey the app asks a sample of passengers to rate it (1 to 5) and say
/// how the driver was, and a QR code on every bus opens the same form anonymously. App links carry the travel card as
/// a hidden field so that answers can be joined to the journey; the route report suppresses small groups.
/// </summary>
public sealed partial class PassengerSurveyService(
    IInvitationSender sender,
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<PassengerSurveyService> logger)
{
    private const string SurveyId = "srv-journey";

    private readonly PaxsurveySubmissionsCounter _responses = telemetry.Meter.CreatePaxsurveySubmissionsCounter();
    private readonly Counter<long> _driverMentions = telemetry.Meter.CreateCounter<long>("paxsurvey.driver.mentions");

    public sealed record TappedJourney(string JourneyId, string CardNumber, string PassengerId, string Route, string BusId, string DriverStaffNumber, Recipient Passenger);

    public async Task InviteAsync(TappedJourney journey, CancellationToken cancellationToken)
    {
        using var span = telemetry.Source.StartPaxsurveyInvite(SurveyId)
            .SetPaxsurveyRoute(journey.Route) // clean precision-names
            .SetPaxsurveyChannel("app_push")
            .SetPaxsurveyRespondentId(pseudonymizer.PseudonymizePaxsurveyRespondentId(journey.PassengerId)); // clean precision-pseudonym
        var invitation = new SurveyInvitation { InvitationId = $"j-{journey.JourneyId}", SurveyId = SurveyId, Recipient = journey.Passenger, Token = InvitationTokens.NewToken(), Channel = "app_push" };
        span.Activity?.SetTag("paxsurvey.journey", journey.JourneyId); // clean precision-names
        span.Activity?.SetTag("paxsurvey.invitation.token", invitation.Token); // leak TC1001 direct
        logger.LogDebug("Survey link for card {Card}: {Link}", journey.CardNumber[^4..], invitation.Link(options.PublicBaseUrl) + "&card=" + journey.CardNumber); // leak TC1001 strings
        try
        {
            await sender.SendAsync(invitation, cancellationToken);
        }
        catch (RecipientRejectedException rejected)
        {
            LogInviteFailed(logger, invitation.InvitationId, rejected.Message); // leak TC1001 exceptions
        }
        catch (SendThrottledException throttled)
        {
            span.SetStatus(ActivityStatusCode.Error, throttled.Message); // clean exceptions
        }
    }

    public async Task RecordAsync(FormSubmission response, string route, string busId, CancellationToken cancellationToken)
    {
        var anonymous = response.RespondentId is null;
        using var span = telemetry.Source.StartPaxsurveySubmit(response.FormId)
            .SetPaxsurveyRoute(route)
            .SetPaxsurveyAnonymous(anonymous)
            .SetPaxsurveyChannel(anonymous ? "qr" : "app"); // clean precision-names
        span.Activity?.SetTag("paxsurvey.bus", busId); // clean precision-names
        var rating = response.Score("q1_rating");
        span.SetPaxsurveyScore(rating ?? 0);
        var card = response.Hidden.GetValueOrDefault("card");
        if (card is not null)
        {
            span.Activity?.SetTag("paxsurvey.card.last4", card[^4..]); // clean precision-about
            span.Activity?.SetTag("paxsurvey.card", card); // leak TC1001 direct
            logger.LogInformation("Journey rating {Rating} from card {CardRef}", rating, pseudonymizer.ComputePaxsurveyRespondentId(card)); // clean precision-pseudonym
        }
        logger.LogDebug("Hidden fields {@Hidden}", response.Hidden); // leak TC1001 logging-objects
        logger.LogDebug("Hidden field names {Names}", response.Hidden.Keys.ToArray()); // clean logging-objects

        var driverComment = response.Answer("q2_driver");
        var driver = response.Hidden.GetValueOrDefault("drv");
        if (!string.IsNullOrWhiteSpace(driverComment))
        {
            span.SetPaxsurveyNote(driverComment); // leak TC1001 generated-api
            _driverMentions.Add(1, new KeyValuePair<string, object?>("route", route)); // clean precision-names
            _driverMentions.Add(1, new KeyValuePair<string, object?>("driver", driver)); // leak TC1003 direct
            logger.LogInformation("Driver {Driver} mentioned on {Route}", driver, route); // leak TC1001 direct
        }
        var driverHash = driver is null ? null : BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(driver)), 0, 6);
        span.Activity?.SetTag("paxsurvey.driver.hash", driverHash); // leak TC1002 hashes

        await submissions.SaveAsync(response, cancellationToken);
        _responses.Add(1, response.FormId, anonymous ? "qr" : "app", "submitted"); // clean generated-api
        _responses.Add(1, response.FormId, "app", card ?? "anonymous"); // leak TC1003 generated-api
    }

    public IReadOnlyList<QuestionAggregate> RouteReport(IReadOnlyList<FormSubmission> responses)
    {
        using var activity = telemetry.Source.StartActivity("paxsurvey.route_report");
        var cells = responses.GroupBy(r => r.Hidden.GetValueOrDefault("route") ?? "unknown")
            .Select(g => new QuestionAggregate("q1_rating", g.Key, g.Count(), g.Average(r => r.Score("q1_rating") ?? 0), false));
        var report = new SmallGroupSuppression(options.SmallGroupThreshold).Apply(cells);
        activity?.SetTag("paxsurvey.routes", report.Count);
        logger.LogInformation("Route report {@Report}", report); // clean logging-objects
        var lowest = report.Where(r => !r.Suppressed).OrderBy(r => r.Mean).Take(3).Select(r => r.Group);
        activity?.SetTag("paxsurvey.routes.lowest", string.Join(",", lowest)); // clean precision-names
        activity?.SetTag("paxsurvey.sample.bucket", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(SurveyId)))[..2]); // clean hashes
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey survey invitation {InvitationId} failed: {Error}")]
    private static partial void LogInviteFailed(ILogger logger, string invitationId, string error);
}
