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
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Retail;

public interface IClosedAccountSource
{
    /// <summary>Customer numbers of store-card accounts closed on that day.</summary>
    Task<IReadOnlyList<string>> ClosedOnAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// Signed store-card agreements are kept six years after the account closes. They are stored as
/// <c>agreements/{customerNumber}/{agreementNumber}.pdf</c> with the signing certificate beside them.
/// </summary>
public sealed class AgreementRetentionJob(
    IClosedAccountSource closedAccounts,
    IDocumentStore store,
    TelemetrySecrets secrets,
    TimeProvider clock,
    Pseudonymizer pseudonymizer,
    ILogger<AgreementRetentionJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Retention");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-6);
        using var activity = Source.StartActivity("agreements.retention");
        var customers = await closedAccounts.ClosedOnAsync(day, stoppingToken);
        activity?.SetTag("retention.closed_on", day.ToString("yyyy-MM-dd"));
        activity?.SetTag("retention.customer_count", customers.Count); // clean precision-names

        foreach (var customerNumber in customers)
        {
            var prefix = $"agreements/{customerNumber}/";
            var deleted = 0;
            await foreach (var document in store.ListAsync(prefix, stoppingToken))
            {
                await store.DeleteAsync(document.Name, stoppingToken);
                deleted++;
                logger.LogDebug("Deleted agreement document {Agreement}", document.Name[prefix.Length..]); // clean precision-about
            }

            var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))) % 64;
            logger.LogInformation("Retention removed {Deleted} documents for {CustomerRef} (shard {Shard})", deleted, pseudonymizer.ComputeDocumentSubjectId(customerNumber), shard); // clean precision-pseudonym
            if (deleted == 0)
            {
                logger.LogWarning("No agreement documents under {Prefix}", prefix); // leak TC1001 strings
            }
        }

        logger.LogInformation("Agreement retention for accounts closed {Day}: {Customers}", day, customers); // leak TC1001 logging-objects
    }
}
