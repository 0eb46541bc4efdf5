namespace PrivacyHoldout211.Retail;

public sealed record MembershipSignup(string LoyaltyCardNumber, string CustomerEmail, string CustomerPhone, string FullName, string StoreId, string PlanTier, int FamilySeats);

public sealed record InStoreTrackPlay(string StoreId, string TrackId, string Zone, int Seconds);

public sealed record DedicationRequest(string StoreId, string CustomerName, string Message, string TrackId);

[ApiController]
[Route("music-membership")]
public sealed partial class MusicMembershipController(
    ILogger<MusicMembershipController> logger,
    IListenerStore listeners,
    Pseudonymizer pseudonymizer,
    Meter meter,
    StreamingOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.MusicMembership");
    private readonly Counter<long> _signups = meter.CreateCounter<long>("membership.signups");

    private static void TagCustomer(Activity? activity, string cardNumber) =>
        activity?.SetTag("customer.loyalty_card", cardNumber); // leak TC1001 direct

    private static string MemberLabel(MembershipSignup signup) => $"{signup.FullName} <{signup.CustomerEmail}>";

    [HttpPost("signups")]
    public async Task<ActionResult> SignUp([FromBody] MembershipSignup signup, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichShopsoundOperation(signup.StoreId);
        span.SetShopsoundListenerId(pseudonymizer.PseudonymizeShopsoundListenerId(signup.LoyaltyCardNumber)); // clean generated-api
        span.SetShopsoundOutcome("signed-up"); // clean generated-api
        span.SetShopsoundMinutes(signup.FamilySeats); // clean generated-api
        span.SetShopsoundNote(MemberLabel(signup)); // leak TC1001 generated-api
        TagCustomer(Activity.Current, signup.LoyaltyCardNumber);
        Activity.Current?.SetTag("membership.store", signup.StoreId); // clean precision-names
        Activity.Current?.SetTag("membership.tier", signup.PlanTier); // clean precision-about
        Activity.Current?.SetTag("membership.seats", signup.FamilySeats); // clean precision-about
        Activity.Current?.SetTag("membership.phone", signup.CustomerPhone); // leak TC1001 direct
        Activity.Current?.SetTag("membership.phone_prefix", signup.CustomerPhone[..3]); // clean precision-about
        Activity.Current?.SetTag("membership.email_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signup.CustomerEmail.Trim().ToLowerInvariant())))); // leak TC1002 hashes
        Activity.Current?.SetTag("membership.label", MemberLabel(signup)); // leak TC1001 cross-member
        Activity.Current?.SetTag(ShopsoundAttributes.Contact, signup.CustomerEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag(ShopsoundAttributes.Site, signup.StoreId); // clean generated-api
        _signups.Add(1, new KeyValuePair<string, object?>("store", signup.StoreId), new KeyValuePair<string, object?>("tier", signup.PlanTier)); // clean precision-names
        _signups.Add(1, new KeyValuePair<string, object?>("card", signup.LoyaltyCardNumber)); // leak TC1003 direct
        meter.CreateShopsoundOperationsCounter().Add(1, signup.StoreId); // clean generated-api
        logger.LogInformation("Signup {Signup}", signup with { CustomerPhone = "", CustomerEmail = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Signup at {StoreId} for tier {Tier}", signup.StoreId, signup.PlanTier); // clean precision-names
        logger.LogInformation($"Signup for {signup.CustomerEmail} at {signup.StoreId}"); // leak TC1001 strings
        logger.LogInformation($"Signup at {signup.StoreId} with {signup.FamilySeats} seats"); // clean strings
        LogSignup(logger, signup.CustomerEmail, signup.StoreId); // clean logging-objects
        await Task.Yield();
        return Ok();
    }

    [HttpPost("in-store/plays")]
    public ActionResult TrackPlayed([FromBody] InStoreTrackPlay play)
    {
        using var span = Source.StartShopsoundOperation(play.StoreId);
        span.SetShopsoundFormat("radio"); // clean generated-api
        span.SetShopsoundMinutes(play.Seconds / 60); // clean generated-api
        Activity.Current?.SetTag("instore.zone", play.Zone); // clean precision-names
        Activity.Current?.SetTag("instore.track", play.TrackId); // clean precision-names
        logger.LogInformation("Played {@Play}", play); // clean logging-objects
        logger.LogInformation("Played {Play}", play); // clean logging-objects
        return Ok();
    }

    [HttpPost("dedications")]
    public ActionResult Dedicate([FromBody] DedicationRequest request)
    {
        Activity.Current?.SetTag("dedication.store", request.StoreId); // clean precision-names
        Activity.Current?.SetTag("dedication.track", request.TrackId); // clean precision-names
        Activity.Current?.SetTag("dedication.message", request.Message); // leak TC1001 direct
        Activity.Current?.SetTag("dedication.message_length", request.Message.Length); // clean precision-about
        Activity.Current?.SetTag("dedication.from", request.CustomerName); // leak TC1001 direct
        logger.LogInformation("Dedication {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Dedication {Info}", new { request.StoreId, request.TrackId }); // clean logging-objects
        return Ok();
    }

    [HttpGet("members/{cardNumber}")]
    public async Task<ActionResult> Member(string cardNumber, CancellationToken cancellationToken)
    {
        try
        {
            var listener = await listeners.FindAsync(cardNumber, cancellationToken) ?? throw new ListenerNotFoundException(cardNumber);
            Activity.Current?.SetTag("member.tier", listener.PlanTier); // clean precision-about
            Activity.Current?.SetTag("member.ref", pseudonymizer.PseudonymizeShopsoundListenerId(cardNumber).Value); // clean precision-pseudonym
            return Ok(listener.PlanTier);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Lookup failed: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Lookup failed: {Type}", ex.GetType().Name); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"lookup failed for {cardNumber}"); // leak TC1001 exceptions
            return NotFound();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership signup {CustomerEmail} at {StoreId}")]
    private static partial void LogSignup(ILogger logger, [PrivateData] string customerEmail, string storeId);
}
