using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Data;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Retail;

/// <summary>Merges the franchise partners' loyalty spreadsheets (loaded as DataTables) into the loyalty ledger.</summary>
public sealed class LoyaltyMergeJob(ILogger<LoyaltyMergeJob> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Retail.Loyalty");
    private readonly Counter<int> _merged = meter.CreateCounter<int>("loyalty.merged");

    public void Merge(DataTable partnerRows, DataTable ledgerRows, string partnerName)
    {
        using var job = Source.StartIntakeJob(partnerName);
        job.SetIntakeBatchSize(partnerRows.Rows.Count);
        var activity = Activity.Current;
        var partner = partnerRows.AsEnumerable().Select(r => (Card: r.Field<string>("LoyaltyCard")!, Email: r.Field<string>("Email")!, Points: r.Field<int>("Points")));
        var ledger = ledgerRows.AsEnumerable().Select(r => (Card: r.Field<string>("LoyaltyCard")!, CustomerNumber: r.Field<long>("CustomerNumber")));
        var joined = partner.Join(ledger, p => p.Card, l => l.Card, (p, l) => new { p.Card, p.Email, p.Points, l.CustomerNumber }).ToList();
        activity?.SetTag("loyalty.partner", partnerName); // clean direct
        activity?.SetTag("loyalty.joined_rows", joined.Count); // clean precision-about
        foreach (var row in joined)
        {
            if (row.Points < 0)
            {
                logger.LogWarning("Negative points for customer {CustomerNumber:D8}", row.CustomerNumber); // leak TC1001 direct
                job.AddIntakeRowRejectedEvent("negative points for " + row.Card); // leak TC1001 generated-api
                continue;
            }

            _merged.Add(1, new KeyValuePair<string, object?>("partner", partnerName)); // clean precision-about
            _merged.Add(row.Points, new KeyValuePair<string, object?>("customer", row.CustomerNumber.ToString("D10"))); // leak TC1003 direct
            job.SetIntakeSubjectId(pseudonymizer.PseudonymizeIntakeSubjectId(row.CustomerNumber)); // clean generated-api
            activity?.SetTag("loyalty.customer_email", row.Email.ToLowerInvariant()); // leak TC1001 strings
        }

        var orphanCards = partner.Select(p => p.Card).Except(ledger.Select(l => l.Card)).ToHashSet();
        activity?.SetTag("loyalty.orphans", orphanCards.Count); // clean precision-about
        logger.LogInformation("Orphan cards: {Cards}", string.Join(';', orphanCards)); // leak TC1001 strings
        activity?.SetTag("loyalty.card_column", partnerRows.Columns["LoyaltyCard"]?.Ordinal); // clean precision-names
    }
}

/// <summary>Abandoned-basket mailer; only the campaign's numbers go to telemetry.</summary>
public sealed class BasketReminderJob(ILogger<BasketReminderJob> logger)
{
    private static readonly byte[] CampaignKey = RandomNumberGenerator.GetBytes(32);

    public void Send(IEnumerable<(long CustomerNumber, string Email, decimal BasketValue)> baskets, string emailTemplateId)
    {
        var sent = 0;
        foreach (var (customerNumber, email, basketValue) in baskets)
        {
            var variant = HMACSHA256.HashData(CampaignKey, BitConverter.GetBytes(customerNumber))[0] % 2 == 0 ? "A" : "B";
            Activity.Current?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["variant"] = variant, ["basket.value"] = basketValue })); // clean hashes
            var legacyKey = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(email))).Replace("-", "");
            logger.LogDebug("Reminder dedupe key {Key}", legacyKey); // leak TC1002 hashes
            sent++;
        }

        logger.LogInformation("Sent {Sent} reminders using template {EmailTemplateId}", sent, emailTemplateId); // clean precision-names
        Activity.Current?.SetTag("reminder.customer_tier_default", "standard"); // clean precision-names
    }
}
