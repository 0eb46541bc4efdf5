using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout58.Retail;

public sealed record LoyaltyAccount(string CardNumber, string CustomerNumber, string Locale, int Points);

/// <summary>The statement template for a locale failed to render.</summary>
public sealed class TemplateRenderException(string templateName, string locale, int line)
    : Exception($"Template {templateName} ({locale}) failed at line {line}.");

public interface IStatementRenderer
{
    /// <summary>Throws <see cref="TemplateRenderException"/> and <see cref="TimeoutException"/>.</summary>
    Task RenderAsync(LoyaltyAccount account, string template, CancellationToken cancellationToken);
}

/// <summary>
/// Renders the monthly loyalty statements, all cards of a run at once. Timeouts are expected (the
/// renderer is shared) and retried next run; anything else is an error of the run.
/// </summary>
public sealed class LoyaltyStatementJob(
    IReadOnlyDictionary<string, LoyaltyAccount> accountsByCard,
    IReadOnlyDictionary<string, string> templatesByLocale,
    IStatementRenderer renderer,
    TelemetrySecrets secrets,
    ILogger<LoyaltyStatementJob> logger)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty.Statements");

    public async Task RunAsync(IReadOnlyList<string> cardNumbers, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("loyalty.statements.run");
        activity?.SetTag("statements.requested", cardNumbers.Count);

        var all = Task.WhenAll(cardNumbers.Select(card => RenderAsync(card, cancellationToken)));
        try
        {
            await all;
        }
        catch (Exception first) when (all.Exception is { } aggregate)
        {
            var flattened = aggregate.Flatten();
            activity?.SetTag("statements.failed", flattened.InnerExceptions.Count); // clean precision-about
            activity?.SetTag("statements.timeouts", flattened.InnerExceptions.Count(e => e is TimeoutException)); // clean precision-about
            activity?.SetTag("statements.first_error", first.Message); // leak TC1001 exceptions
            activity?.SetTag("statements.timed_out", string.Join(",", flattened.InnerExceptions.OfType<TimeoutException>().Select(e => e.Data["card"]))); // leak TC1001 cross-member
            try
            {
                flattened.Handle(e => e is TimeoutException);
            }
            catch (AggregateException unhandled)
            {
                activity?.SetStatus(ActivityStatusCode.Error, unhandled.Message); // leak TC1001 exceptions
                activity?.SetTag("statements.error.types", string.Join(",", unhandled.InnerExceptions.Select(e => e.GetType().Name).Distinct())); // clean precision-names
                foreach (var error in unhandled.InnerExceptions.OfType<TemplateRenderException>())
                {
                    logger.LogError(error, "Statement template failed"); // clean exceptions
                }
                foreach (var error in unhandled.InnerExceptions.OfType<KeyNotFoundException>())
                {
                    logger.LogError(error, "Statement skipped: account or template missing"); // leak TC1001 exceptions
                }
            }
        }
    }

    private async Task RenderAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var account = accountsByCard[cardNumber];
        var template = templatesByLocale[account.Locale];
        try
        {
            await renderer.RenderAsync(account, template, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cardNumber))[0] % 16;
            logger.LogInformation(ex, "Statement render timed out in shard {Shard}", shard); // clean hashes
            ex.Data["card"] = cardNumber;
            throw;
        }
        catch (TemplateRenderException ex)
        {
            var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber)))[..12];
            logger.LogWarning(ex, "Statement for card {CardKey} not rendered", cardKey); // leak TC1002 hashes
            logger.LogWarning("Statement for card ending {Last4} not rendered: {Error}", cardNumber[^4..], ex.Message); // clean precision-about
            throw;
        }
    }
}
