namespace PrivacyHoldout138.Energy;

public sealed record NewsletterSignup(string AccountNumber, string Email, string Postcode, string Region, string[] Interests, bool Marketing);

[ApiController]
[Route("api/newsletter")]
public sealed partial class CustomerNewsletterController(
    IMailingListClient mailing,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CustomerNewsletterController> logger) : ControllerBase
{
    private const string MagazineListId = "home-energy-monthly";

    [LoggerMessage(Level = LogLevel.Information, Message = "Signup for account {AccountNumber} in {Region}")]
    private static partial void LogSignup(ILogger logger, string accountNumber, string region);

    [HttpPost("signup")]
    public async Task<ActionResult> SignUp([FromBody] NewsletterSignup signup, CancellationToken cancellationToken)
    {
        using var span = source.StartEnergymagSubscribe(MagazineListId)
            .SetEnergymagRegion(signup.Region) // clean precision-names
            .SetEnergymagCustomerId(pseudonymizer.PseudonymizeEnergymagCustomerId(signup.AccountNumber)) // clean precision-pseudonym
            .SetEnergymagItemCount(signup.Interests.Length); // clean precision-about
        span.Activity?.SetTag("energymag.postcode.district", signup.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("energymag.postcode", signup.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("energymag.interests", string.Join(",", signup.Interests)); // clean precision-names
        LogSignup(logger, signup.AccountNumber, signup.Region); // leak TC1001 generated-api

        try
        {
            var member = new ListMember(signup.Email, "pending", new() { ["ACCOUNT"] = signup.AccountNumber, ["REGION"] = signup.Region }, signup.Interests);
            var saved = await mailing.UpsertAsync(MagazineListId, SubscriberHash.For(signup.Email), member, cancellationToken);
            logger.LogInformation("Double opt-in sent; status {Status}, {TagCount} tags", saved.Status, saved.Tags.Length); // clean precision-about
            logger.LogInformation("Merge fields {MergeFields}", saved.MergeFields); // leak TC1001 logging-objects
            meter.CreateEnergymagSubscribeCompletedCounter().Add(1, signup.Region, energymagOutcome: "pending"); // clean generated-api
            return new OkResult(saved.Status);
        }
        catch (MailingApiException ex) when (ex.Status == 400)
        {
            logger.LogWarning(ex, "Mailing platform refused a signup: {Title}", ex.Title); // leak TC1001 exceptions
            span.SetEnergymagOutcome("rejected").SetEnergymagNote(ex.Title); // clean exceptions
            return new BadRequestResult(ex.Title);
        }
    }

    [HttpPost("unsubscribe/{accountNumber}")]
    public async Task<ActionResult> Unsubscribe(string accountNumber, string email, CancellationToken cancellationToken)
    {
        await mailing.ArchiveAsync(MagazineListId, SubscriberHash.For(email), cancellationToken);
        Activity.Current?.SetTag("http.route", "api/newsletter/unsubscribe/{accountNumber}"); // clean precision-names
        Activity.Current?.SetTag("url.path", $"api/newsletter/unsubscribe/{accountNumber}"); // leak TC1001 strings
        Activity.Current?.SetTag(EnergymagAttributes.Contact, pseudonymizer.ComputeEnergymagCustomerId(accountNumber)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Unsubscribed; {Remaining} members left on {ListId}", await mailing.MemberCountAsync(MagazineListId, cancellationToken), MagazineListId); // clean precision-about
        return new OkResult(null);
    }
}
