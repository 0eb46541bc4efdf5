namespace PrivacyHoldout161.Media;

[ApiController]
[Route("api/magazine")]
public sealed class MagazineSubscriptionsController(IPassengerMessenger messenger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<MagazineSubscriptionsController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Airline.Magazine");
    private static readonly Counter<long> Subscriptions = Meter.CreateCounter<long>("magazine.subscriptions");

    [HttpPost("subscriptions")]
    public async Task<ActionResult> Subscribe([FromBody] MagazineSubscription subscription, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("magazine.edition", subscription.Edition); // clean precision-names
        activity?.SetTag("magazine.email_domain", subscription.Email.Split('@')[^1]); // clean precision-about
        activity?.SetTag("magazine.postcode_district", subscription.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("magazine.member", subscription.MemberNumber); // leak TC1001 direct
        activity?.SetTag("magazine.subscriber", pseudonymizer.ComputeInflightPassengerId(subscription.Email)); // clean precision-pseudonym
        if (subscription.Email.EndsWith(".invalid", StringComparison.Ordinal))
        {
            var ex = new SubscriberExistsException(subscription.Email);
            logger.LogWarning(ex, "Subscription refused for edition {Edition}", subscription.Edition); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(SubscriberExistsException)); // clean exceptions
            return BadRequest("exists");
        }

        await messenger.SendAsync(subscription.Email, "tpl-magazine-welcome", new Dictionary<string, string> { ["edition"] = subscription.Edition }, cancellationToken);
        logger.LogInformation("Subscribed {Subscription}", subscription); // leak TC1001 logging-objects
        logger.LogInformation("Welcome sent to {Name}", subscription.Name); // leak TC1001 direct
        Subscriptions.Add(1, new KeyValuePair<string, object?>("magazine.edition", subscription.Edition)); // clean precision-names
        Subscriptions.Add(1, new KeyValuePair<string, object?>("magazine.cohort", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(subscription.Email)))[..2])); // clean hashes
        activity?.SetTag("magazine.dedupe", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subscription.Email.ToLowerInvariant())))[..16]); // leak TC1002 hashes
        return Ok();
    }

    [HttpPost("crew-announcements")]
    public ActionResult Announce([FromBody] CrewAnnouncement announcement)
    {
        using var span = new ActivitySource("Airline.Magazine").StartInflightOperation(announcement.Aircraft);
        span.SetInflightCrewId(pseudonymizer.PseudonymizeInflightCrewId(announcement.CrewId)); // clean precision-pseudonym
        span.SetInflightNote(announcement.Text); // clean generated-api
        logger.LogInformation("Announcement by {Crew}", announcement.CrewName); // leak TC1001 direct
        logger.LogInformation("Announcement {@Announcement}", announcement); // leak TC1001 logging-objects
        logger.LogInformation("Announcement on {Aircraft}, {Length} characters", announcement.Aircraft, announcement.Text.Length); // clean precision-about
        return Ok();
    }
}
