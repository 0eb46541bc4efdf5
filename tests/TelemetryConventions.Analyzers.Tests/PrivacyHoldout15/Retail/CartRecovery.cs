using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Hangfire;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Retail;

public sealed record AbandonedCart(Guid CartId, string CustomerNumber, string Email, string FirstName, IReadOnlyList<string> Skus, decimal Value, DateTimeOffset LastTouched);

public interface ICartStore
{
    Task<AbandonedCart?> GetAsync(Guid cartId, CancellationToken cancellationToken);

    Task<bool> HasOrderedSinceAsync(string customerNumber, DateTimeOffset since, CancellationToken cancellationToken);
}

public interface IMarketingConsent
{
    Task<bool> AllowsEmailAsync(string customerNumber, CancellationToken cancellationToken);
}

public static partial class CartLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Cart reminder queued as {JobId} for {CustomerNumber}")]
    public static partial void ReminderQueued(ILogger logger, string jobId, [PrivateData] string customerNumber);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Cart reminder sent to {FirstName} <{Email}> for {Items} items")]
    public static partial void ReminderSent(ILogger logger, string firstName, string email, int items);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Cart {CartId} recovered: customer ordered since")]
    public static partial void Recovered(ILogger logger, Guid cartId);
}

/// <summary>Queues a reminder two hours after a cart goes quiet.</summary>
public sealed class CartAbandonmentHandler(IBackgroundJobClient jobs, ILogger<CartAbandonmentHandler> logger)
{
    public void OnCartIdle(AbandonedCart cart)
    {
        var jobId = jobs.Schedule<CartReminderJob>(job => job.RemindAsync(cart.CartId, cart.CustomerNumber, CancellationToken.None), TimeSpan.FromHours(2)); // leak TC1001 cross-member
        CartLog.ReminderQueued(logger, jobId, cart.CustomerNumber); // clean logging-objects
        logger.LogDebug("Queued cart reminder {JobId} for {Cart}", jobId, cart); // leak TC1001 logging-objects
    }
}

[AutomaticRetry(Attempts = 3)]
public sealed class CartReminderJob(
    ICartStore carts,
    IMarketingConsent consent,
    IEmailSender email,
    ITemplateRenderer templates,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<CartReminderJob> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.CartRecovery");
    private static readonly byte[] LegacyCohortKey = Encoding.UTF8.GetBytes("cart-cohorts-2021");
    private readonly Counter<long> _reminders = meter.CreateCounter<long>("shop.cart_reminders", "{email}");

    public async Task RemindAsync(Guid cartId, string customerNumber, CancellationToken cancellationToken)
    {
        using var run = Source.StartJobRun("cart-reminder").SetJobSubjectId(pseudonymizer.PseudonymizeJobSubjectId(customerNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("shop.customer", customerNumber); // leak TC1001 direct
        run.Activity?.SetTag("cart.id", cartId.ToString()); // clean precision-names

        var cart = await carts.GetAsync(cartId, cancellationToken);
        if (cart is null || await carts.HasOrderedSinceAsync(customerNumber, cart.LastTouched, cancellationToken))
        {
            CartLog.Recovered(logger, cartId); // clean precision-names
            return;
        }

        if (!await consent.AllowsEmailAsync(customerNumber, cancellationToken))
        {
            run.SetJobOutcome($"no consent: {customerNumber}"); // leak TC1001 generated-api
            return;
        }

        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] % 4;
        run.Activity?.SetTag("cart.experiment_cohort", cohort); // clean hashes
        var legacyCohort = HMACSHA256.HashData(LegacyCohortKey, Encoding.UTF8.GetBytes(customerNumber))[0] % 4;
        run.Activity?.SetTag("cart.legacy_cohort", legacyCohort); // leak TC1002 hashes
        run.Activity?.SetTag("cart.customer_hash", customerNumber.GetHashCode()); // leak TC1002 hashes

        var html = await templates.RenderAsync("Cart/Reminder", new { cart.FirstName, cart.Skus, cart.Value, Link = $"https://shop.example/cart/{cart.CartId:N}" });
        await email.SendEmailAsync(cart.Email, $"{cart.FirstName}, you left something behind", html);
        CartLog.ReminderSent(logger, cart.FirstName, cart.Email, cart.Skus.Count); // leak TC1001 direct
        run.SetJobItemCount(cart.Skus.Count);
        _reminders.Add(1, new KeyValuePair<string, object?>("cohort", cohort), new KeyValuePair<string, object?>("value_band", cart.Value switch { < 50 => "low", < 200 => "mid", _ => "high" })); // clean hashes
        _reminders.Add(1, new KeyValuePair<string, object?>("email_domain", cart.Email[(cart.Email.IndexOf('@') + 1)..])); // clean precision-about
    }
}

/// <summary>The shop's global state filter: records a failed job's exception on the current span.</summary>
public sealed class ShopJobFailureFilter(ILogger<ShopJobFailureFilter> logger) : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is FailedState failed)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, failed.Exception.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("job.failed_args", context.BackgroundJob.Job.Args.Count); // clean precision-about
            logger.LogWarning("Job {JobId} ({Method}) failed: {Message}", context.BackgroundJob.Id, context.BackgroundJob.Job.Method.Name, failed.Exception.Message); // leak TC1001 exceptions
        }
    }
}
