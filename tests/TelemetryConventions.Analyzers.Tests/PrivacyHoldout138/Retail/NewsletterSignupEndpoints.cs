namespace PrivacyHoldout138.Retail;

public sealed record CheckoutOptIn(string CustomerNumber, string Email, string FirstName, string Store, bool Magazine, bool Offers);

public static class NewsletterSignupEndpoints
{
    private static readonly ActivitySource Source = new("Shop.Newsletter");
    private static readonly Meter NewsletterMeter = new("Shop.Newsletter");
    private static readonly Counter<long> OptIns = NewsletterMeter.CreateCounter<long>("shop.newsletter.optins", "{optin}");

    public static EndpointRoutes MapNewsletter(this EndpointRoutes routes)
    {
        routes.MapPost("/checkout/opt-in", async (CheckoutOptIn optIn, IMailingListClient mailing, TelemetrySecrets secrets, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var logger = loggers.CreateLogger("Shop.Newsletter");
            using var activity = Source.StartActivity("newsletter.optin");
            activity?.SetTag("newsletter.store", optIn.Store); // clean precision-names
            activity?.SetTag("newsletter.magazine", optIn.Magazine); // clean precision-about
            activity?.SetTag("newsletter.email.domain", optIn.Email[(optIn.Email.LastIndexOf('@') + 1)..]); // clean precision-about
            OptIns.Add(1, new TagList { { "store", optIn.Store }, { "offers", optIn.Offers } }); // clean precision-names

            var memberId = SubscriberHash.For(optIn.Email);
            logger.LogInformation("Upserting member {MemberId}", memberId); // leak TC1002 hashes
            var customerKey = optIn.CustomerNumber.GetHashCode();
            activity?.SetTag("newsletter.customer.key", customerKey); // leak TC1002 hashes
            var sample = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(optIn.CustomerNumber))[0] < 26;
            activity?.SetTag("newsletter.sampled", sample); // clean hashes

            try
            {
                var member = await mailing.UpsertAsync("style-edit", memberId, new ListMember(optIn.Email, "subscribed", new() { ["FNAME"] = optIn.FirstName }, new[] { optIn.Store }), cancellationToken);
                logger.LogInformation("Welcome mail queued for {FirstName}", optIn.FirstName); // leak TC1001 direct
                logger.LogInformation("Subscribed with status {Status}", member.Status); // clean precision-names
            }
            catch (MailingApiException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, $"{ex.Status} {ex.Title}"); // clean exceptions
                logger.LogWarning("Opt-in refused: {Detail}", ex.Message); // leak TC1001 exceptions
            }

            return new OkResult(null);
        });

        routes.MapGet("/newsletter/preferences/{customerNumber}", (string customerNumber, ILoggerFactory loggers) =>
        {
            loggers.CreateLogger("Shop.Newsletter").LogInformation("Preferences opened for {CustomerNumber}", customerNumber); // leak TC1001 direct
            Activity.Current?.SetTag("newsletter.preferences.route", "/newsletter/preferences/{customerNumber}"); // clean precision-names
            return new OkResult(null);
        });
        return routes;
    }
}
