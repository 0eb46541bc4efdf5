using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Retail;

/// <summary>A row of SQL Server change data capture on <c>loyalty.member</c>.</summary>
public sealed record MemberChange(byte[] Lsn, string Operation, IReadOnlyList<string> UpdatedColumns, IReadOnlyDictionary<string, object?> After)
{
    public string CardNumber => (string)After["card_number"]!;

    public string? Email => After.TryGetValue("email", out var email) ? email as string : null;

    public string? Postcode => After.TryGetValue("postcode", out var postcode) ? postcode as string : null;
}

public sealed class AccountLinkException(string message) : Exception(message);

public interface IChangeFeed
{
    Task<IReadOnlyList<MemberChange>> ReadAsync(byte[] fromLsn, CancellationToken cancellationToken);
}

public interface IOnlineAccounts
{
    /// <summary>Customer ids of the online accounts registered with this normalised email.</summary>
    Task<IReadOnlyList<string>> FindByEmailAsync(string normalisedEmail, CancellationToken cancellationToken);
}

/// <summary>
/// Applies loyalty member changes to the warehouse's <c>dim_member</c> and links each card to the
/// shopper's online account by email, so that in-store and online baskets join in the mart.
/// </summary>
public sealed partial class LoyaltyChangeCapture(
    IChangeFeed feed,
    IOnlineAccounts accounts,
    IWarehouseLoader warehouse,
    Pseudonymizer pseudonymizer,
    ILogger<LoyaltyChangeCapture> logger)
{
    private static readonly ActivitySource Source = new("Shop.Warehouse.Loyalty");
    private static readonly Meter Meter = new("Shop.Warehouse.Loyalty");

    public async Task<byte[]> ApplyAsync(byte[] fromLsn, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("loyalty.cdc.apply");
        activity?.SetTag("cdc.lsn.from", Convert.ToHexString(fromLsn)); // clean precision-about
        Baggage.SetBaggage("cdc.table", "loyalty.member"); // clean precision-names

        var changes = await feed.ReadAsync(fromLsn, cancellationToken);
        logger.LogInformation("CDC batch of {Changes} changes ({Operations})", changes.Count, string.Join(",", changes.GroupBy(c => c.Operation).Select(g => $"{g.Key}={g.Count()}"))); // clean precision-about

        var rows = new List<object>();
        foreach (var change in changes)
        {
            if (change.Operation == "update")
            {
                activity?.AddEvent(new ActivityEvent("cdc.update", tags: new ActivityTagsCollection { ["cdc.columns"] = string.Join(",", change.UpdatedColumns) })); // clean precision-names
            }

            if (change.Operation == "delete")
            {
                logger.LogDebug("Member deleted at source: {@After}", change.After); // leak TC1001 logging-objects
                continue;
            }

            if (change.UpdatedColumns.Contains("card_number"))
            {
                LogCardReissued(logger, change.CardNumber); // leak TC1001 cross-member
            }

            var district = change.Postcode is { } postcode && postcode.Contains(' ') ? postcode.Split(' ')[0].ToUpperInvariant() : null;
            if (change.Postcode is not null && district is null)
            {
                logger.LogWarning("Member postcode {Postcode} did not parse; district left empty", change.Postcode); // leak TC1001 direct
            }

            rows.Add(new { MemberRef = pseudonymizer.ComputePipelineSubjectId(change.CardNumber), District = district, change.Operation });

            if (change.Email is not { } email)
            {
                continue;
            }

            var normalised = email.Trim().ToLowerInvariant();
            try
            {
                var customerId = await LinkAsync(normalised, cancellationToken);
                if (customerId is null)
                {
                    continue;
                }

                Baggage.SetBaggage("loyalty.member", change.CardNumber); // leak TC1001 direct
                logger.LogInformation("Linked card {CardNumber} to online account {CustomerId}", change.CardNumber, customerId); // leak TC1001 direct
                logger.LogInformation("Linked card ending {Last4}", change.CardNumber[^4..]); // clean precision-about
                Meter.CreatePipelineLinkageMatchesCounter().Add(1, "crm.online_account"); // clean generated-api
            }
            catch (AccountLinkException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                LogLinkSkipped(logger, change.CardNumber, ex.GetType().Name); // clean cross-member
            }
        }

        await warehouse.BulkInsertAsync("stg.member", rows, cancellationToken);
        var toLsn = changes.Count == 0 ? fromLsn : changes[^1].Lsn;
        activity?.SetTag("cdc.lsn.to", Convert.ToHexString(toLsn));
        return toLsn;
    }

    private async Task<string?> LinkAsync(string normalisedEmail, CancellationToken cancellationToken)
    {
        var matches = await accounts.FindByEmailAsync(normalisedEmail, cancellationToken);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new AccountLinkException($"{normalisedEmail} is registered on {matches.Count} online accounts"),
        };
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Card {CardNumber} reissued; member history carried over")]
    private static partial void LogCardReissued(ILogger logger, string cardNumber);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Card {CardNumber} left unlinked ({ErrorType})")]
    private static partial void LogLinkSkipped(ILogger logger, [PrivateData] string cardNumber, string errorType);
}
