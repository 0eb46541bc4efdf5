namespace PrivacyHoldout174.Media;

/// <summary>Signs carers up to the channel's carers' newsletter and sends the confirmation.</summary>
public sealed partial class CarersNewsletterHandler(ILogger<CarersNewsletterHandler> logger, ICareMessenger messenger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Broadcaster.Newsletter");

    public async Task HandleAsync(CarersNewsletterSignup signup, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarestoriesOperation("carers-weekly");
        span.SetCarestoriesClientId(pseudonymizer.PseudonymizeCarestoriesClientId(signup.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag(CarestoriesAttributes.Contact, pseudonymizer.PseudonymizeCarestoriesClientId(signup.Email).Value); // leak TC1001 precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("newsletter.region", signup.Region); // clean precision-about
        activity?.SetTag("newsletter.subscriber", signup.SubscriberId); // leak TC1001 direct
        activity?.SetTag("newsletter.subscriber_hash", Convert.ToHexString(SHA256.HashData(signup.SubscriberId.ToByteArray()))[..12]); // leak TC1002 hashes

        SignedUp(logger, signup.Region, signup.Email); // clean precision-names
        SignedUpPlain(logger, signup.Region, signup.Email); // leak TC1001 precision-names

        try
        {
            await messenger.EmailAsync(signup.Email, "Welcome to Carers Weekly", "…", cancellationToken);
        }
        catch (System.Net.Http.HttpRequestException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError("Confirmation to {Email} failed: {Error}", signup.Email, ex.Message); // leak TC1001 direct
            logger.LogError("Confirmation failed for region {Region}: {Error}", signup.Region, ex.GetType().Name); // clean exceptions
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter sign-up in {Region} from {Email}")]
    private static partial void SignedUp(ILogger logger, string region, [PrivateData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter sign-up in {Region} from {Email}")]
    private static partial void SignedUpPlain(ILogger logger, string region, string email);
}
