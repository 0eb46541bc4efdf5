namespace PrivacyHoldout95.Retail;

/// <summary>A basket left at checkout, with the customer it belongs to.</summary>
public sealed record AbandonedBasket(Guid BasketId, string CustomerNumber, string Email, string FirstName, string StoreCode, int Lines, decimal Value, bool MarketingConsent);

public interface IBasketStore
{
    Task<AbandonedBasket?> GetAsync(Guid basketId, CancellationToken cancellationToken = default);

    Task<bool> IsCheckedOutAsync(Guid basketId, CancellationToken cancellationToken = default);
}

public interface IEmailCampaigns
{
    Task<string> SendAsync(string templateId, string to, IReadOnlyDictionary<string, string> mergeFields, CancellationToken cancellationToken = default);
}

/// <summary>The email platform has the address on its suppression list; quotes it, as the platform's API does.</summary>
public sealed class AddressSuppressedException(string address) : Exception($"Recipient {address} is suppressed (hard bounce)");

/// <summary>The email platform's rate limit; fixed text.</summary>
public sealed class CampaignRateLimitedException() : Exception("Too many requests; slow down");

/// <summary>Schedules the reminder four hours after a basket is abandoned; the job itself loads the basket.</summary>
public sealed class BasketAbandonedHandler(IBackgroundJobClient jobs, ILogger<BasketAbandonedHandler> logger)
{
    public void Handle(Guid basketId, string customerNumber, string storeCode)
    {
        var jobId = jobs.Schedule<AbandonedBasketReminderJob>(job => job.RemindAsync(basketId, null!), TimeSpan.FromHours(4)); // clean cross-member
        logger.LogInformation("Reminder {JobId} scheduled for basket {BasketId} of customer {CustomerNumber}", jobId, basketId, customerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("shopjobs.store", storeCode); // clean precision-names
    }
}

/// <summary>The reminder job.</summary>
public sealed class AbandonedBasketReminderJob(IBasketStore baskets, IEmailCampaigns campaigns, Pseudonymizer pseudonymizer, Meter meter, ILogger<AbandonedBasketReminderJob> logger)
{
    private const string TemplateId = "tmpl-basket-reminder-v3";
    private static readonly ActivitySource Source = new("Shop.Marketing.Jobs");
    private readonly ShopjobsJobsCompletedCounter _completed = meter.CreateShopjobsJobsCompletedCounter();

    [AutomaticRetry(Attempts = 3, OnAttemptsExceededDelete = true)]
    [Queue("marketing")]
    public async Task RemindAsync(Guid basketId, PerformContext context)
    {
        using var span = Source.StartShopjobsJobRun("basket-reminder").SetShopjobsJobId(context.BackgroundJob.Id).SetShopjobsJobKey(basketId.ToString());
        if (await baskets.IsCheckedOutAsync(basketId, context.CancellationToken))
        {
            span.SetShopjobsOutcome("checked_out");
            return;
        }
        var basket = await baskets.GetAsync(basketId, context.CancellationToken);
        if (basket is null || !basket.MarketingConsent)
        {
            span.SetShopjobsOutcome("no_consent");
            span.Activity?.SetTag("shopjobs.customer.consented", basket?.MarketingConsent ?? false); // clean precision-about
            return;
        }
        span.SetShopjobsCustomerId(pseudonymizer.PseudonymizeShopjobsCustomerId(basket.CustomerNumber)).SetShopjobsStore(basket.StoreCode); // clean precision-pseudonym
        span.Activity?.SetTag("shopjobs.basket.lines", basket.Lines);
        span.Activity?.SetTag("shopjobs.basket.value", basket.Value); // clean precision-about
        span.Activity?.SetTag("shopjobs.email_template_id", TemplateId); // clean precision-names

        var mergeFields = new Dictionary<string, string> { ["first_name"] = basket.FirstName, ["basket_url"] = $"https://shop.example.co.uk/basket/{basketId}" };
        span.Activity?.SetTag("shopjobs.basket.url", mergeFields["basket_url"]); // clean strings
        logger.LogDebug("Preview: {Subject}", $"{basket.FirstName}, you left {basket.Lines} items in your basket"); // leak TC1001 strings
        try
        {
            var messageId = await campaigns.SendAsync(TemplateId, basket.Email, mergeFields, context.CancellationToken);
            logger.LogInformation("Reminder {MessageId} sent with fields {Fields}", messageId, mergeFields); // leak TC1001 logging-objects
            logger.LogDebug("Merge field names {Names}", mergeFields.Keys); // clean logging-objects
            _completed.Add(1, "basket-reminder", "marketing", "sent");
        }
        catch (AddressSuppressedException ex)
        {
            span.RecordException(ex).SetShopjobsOutcome("suppressed"); // clean exceptions
            span.SetShopjobsNote(ex.Message); // leak TC1001 generated-api
            _completed.Add(1, "basket-reminder", "marketing", "suppressed");
            throw;
        }
        catch (CampaignRateLimitedException ex)
        {
            span.RecordException(ex, includeMessage: true).SetShopjobsOutcome("rate_limited");
            throw;
        }
    }
}
