namespace PrivacyHoldout162.Media;

public sealed record NewsletterSignup(string Email, string FirstName, string Cuisine, bool MarketingConsent);

public sealed class RecipeNewsletterService(IMessenger messenger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RecipeNewsletterService> logger)
{
    private static readonly ActivitySource Source = new("Reviews.Newsletter");
    private static readonly Meter NewsletterMeter = new("Reviews.Newsletter");
    private static readonly Counter<long> Signups = NewsletterMeter.CreateCounter<long>("newsletter.signups");

    private readonly List<string> _bounced = new();

    public async Task SignUpAsync(NewsletterSignup signup, string campaignId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("newsletter.signup");
        activity?.SetTag("newsletter.campaign", campaignId); // clean precision-names
        activity?.SetTag("newsletter.cuisine", signup.Cuisine); // clean precision-about
        activity?.SetTag("newsletter.consent", signup.MarketingConsent); // clean precision-about
        activity?.SetTag("newsletter.subscriber", pseudonymizer.Pseudonymize("newsletter.subscriber", signup.Email)); // clean precision-pseudonym
        activity?.SetTag("newsletter.subscriber.key", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(signup.Email.ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("newsletter.subscriber.hmac", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(signup.Email)))[..16]); // clean hashes
        Signups.Add(1, new KeyValuePair<string, object?>("newsletter.cuisine", signup.Cuisine)); // clean precision-about
        Signups.Add(1, new KeyValuePair<string, object?>("newsletter.email", signup.Email)); // leak TC1003 direct
        logger.LogInformation("Signed up {@Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Welcome mail queued: {Greeting}", Greeting(signup)); // leak TC1001 strings
        logger.LogInformation("Welcome mail queued for campaign {Campaign} in {Cuisine}", campaignId, signup.Cuisine); // clean precision-about

        try
        {
            await messenger.EmailAsync(signup.Email, "tpl-newsletter-welcome", cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            _bounced.Add(signup.Email);
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Welcome mail bounced for {Email}", signup.Email); // leak TC1001 direct
        }
    }

    public void ReportBounces()
    {
        logger.LogInformation("Bounced: {Count}", _bounced.Count); // clean cross-member
        logger.LogInformation("Bounced addresses: {Addresses}", string.Join(";", _bounced)); // leak TC1001 cross-member
        logger.LogInformation("Bounced domains: {Domains}", string.Join(";", _bounced.Select(e => e.Split('@')[1]).Distinct())); // clean cross-member
    }

    private static string Greeting(NewsletterSignup signup) => $"Hello {signup.FirstName}, here are this week's {signup.Cuisine} recipes";
}
