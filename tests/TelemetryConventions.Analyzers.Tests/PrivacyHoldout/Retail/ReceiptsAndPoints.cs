using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Retail;

public sealed record ReceiptRequested(string OrderId, string CustomerId, string Email, string StoreCode, decimal Total, string[] Skus);

public sealed record PointsAdjustment(string CardNumber, int Points, string Reason, string ApprovedBy);

/// <summary>Builds the attribute set the receipt mailer and its dashboards share.</summary>
internal static class ReceiptTelemetry
{
    public static IEnumerable<KeyValuePair<string, object?>> Tags(ReceiptRequested receipt)
    {
        yield return new("retail.order.id", receipt.OrderId);
        yield return new("retail.store.code", receipt.StoreCode);
        yield return new("retail.receipt.lines", receipt.Skus.Length);
    }

    public static IEnumerable<KeyValuePair<string, object?>> RecipientTags(ReceiptRequested receipt)
    {
        yield return new("retail.customer.id", receipt.CustomerId);
        yield return new("retail.receipt.to", receipt.Email);
    }

    public static string EmailDomain(string email) => email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
}

public sealed class ReceiptMailer(IQueueReceiver<ReceiptRequested> queue, TelemetrySecrets secrets, Meter meter, ILogger<ReceiptMailer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Receipts");
    private readonly Counter<int> _sent = meter.CreateCounter<int>("retail.receipts.sent");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } receipt)
        {
            using var activity = Source.StartActivity("retail.receipt.send", ActivityKind.Consumer, default(ActivityContext), ReceiptTelemetry.Tags(receipt)); // clean cross-member
            foreach (var tag in ReceiptTelemetry.RecipientTags(receipt))
            {
                activity?.SetTag(tag.Key, tag.Value); // leak TC1001 cross-member
            }
            activity?.SetTag("retail.receipt.email_domain", ReceiptTelemetry.EmailDomain(receipt.Email)); // clean precision-about
            activity?.SetTag("retail.receipt.total", receipt.Total.ToString(CultureInfo.InvariantCulture));

            _sent.Add(1, new KeyValuePair<string, object?>("retail.receipt.email_domain", ReceiptTelemetry.EmailDomain(receipt.Email))); // clean precision-about
            _sent.Add(1, new KeyValuePair<string, object?>("retail.customer.id", receipt.CustomerId)); // leak TC1003 direct

            var customerRef = Convert.ToHexString(new HMACSHA256(secrets.PseudonymKey).ComputeHash(Encoding.UTF8.GetBytes(receipt.CustomerId)));
            logger.LogInformation("Receipt for order {OrderId} sent to customer {CustomerRef}", receipt.OrderId, customerRef); // clean hashes
            var legacyRef = BitConverter.ToString(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(receipt.Email.Trim().ToLowerInvariant())));
            logger.LogInformation("Receipt sent, legacy CRM key {LegacyRef}", legacyRef); // leak TC1002 hashes
        }
    }
}

public static class PointsAdjustmentEndpoints
{
    public static EndpointRoutes MapPointsAdjustments(this EndpointRoutes routes) =>
        routes.MapPost("/loyalty/adjustments", (PointsAdjustment adjustment, ClaimsPrincipal user, Pseudonymizer pseudonymizer, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("Loyalty.Adjustments");
            var member = pseudonymizer.PseudonymizeLoyaltyMemberId(adjustment.CardNumber);
            logger.LogLoyaltyPointsAdjustedEvent(member, loyaltyAdjustmentReason: adjustment.Reason); // clean generated-api
            var approver = user.FindFirstValue(ClaimTypes.Email) ?? adjustment.ApprovedBy;
            logger.LogInformation("Adjustment of {Points} approved by {Approver}", adjustment.Points, approver); // leak TC1001 direct
            logger.LogInformation("Adjustment {@Adjustment}", adjustment); // leak TC1001 logging-objects
            logger.LogInformation("Adjustment {@Adjustment}", new { adjustment.Points, adjustment.Reason, Member = member.Value }); // clean precision-pseudonym
            Activity.Current?.SetTag("loyalty.adjustment.large", Math.Abs(adjustment.Points) > 1_000);
            return Results.Ok();
        });
}
