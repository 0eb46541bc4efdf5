using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Retail;

public sealed record CustomerEmailRow(long CustomerNumber, string Email);

/// <summary>Migration 2024_06_email_normalised: fills <c>customers.email_normalised</c> and reports collisions.</summary>
public sealed class EmailNormalisationMigration(ISqlRunner sql, ActivitySource source, ILogger<EmailNormalisationMigration> logger)
{
    private const int Page = 1_000;

    public async Task RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        using var run = source.StartJobRun("2024_06_email_normalised");
        run.SetJobDryRun(dryRun); // clean precision-about
        var byNormalised = new Dictionary<string, List<long>>();
        long lastCustomer = 0;
        var changed = 0;
        var pages = 0;
        while (true)
        {
            var rows = await sql.QueryAsync<CustomerEmailRow>(
                "select customer_number, email from customers where customer_number > @lastCustomer order by customer_number limit @Page",
                new { lastCustomer, Page },
                cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                var normalised = row.Email.Trim().ToLowerInvariant();
                if (!byNormalised.TryGetValue(normalised, out var owners))
                {
                    byNormalised[normalised] = owners = new List<long>();
                }

                owners.Add(row.CustomerNumber);
                if (normalised != row.Email)
                {
                    changed++;
                    logger.LogDebug("{Old} -> {New}", row.Email, normalised); // leak TC1001 direct
                    if (!dryRun)
                    {
                        await sql.ExecuteAsync("update customers set email_normalised = @normalised where customer_number = @CustomerNumber", new { normalised, row.CustomerNumber }, cancellationToken);
                    }
                }
            }

            lastCustomer = rows[^1].CustomerNumber;
            pages++;
            logger.LogInformation("Page {Page}: {Changed} changed so far, at customer {LastCustomer}", pages, changed, lastCustomer); // leak TC1001 direct
        }

        var collisions = byNormalised.Where(kv => kv.Value.Count > 1).ToList();
        run.SetJobRowsTouched(changed); // clean precision-about
        logger.LogInformation("{Collisions} normalised emails are shared by more than one customer", collisions.Count); // clean precision-about
        logger.LogWarning("Colliding emails: {Emails}", collisions.Select(kv => kv.Key).ToList()); // leak TC1001 logging-objects
        foreach (var (email, owners) in collisions)
        {
            var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email)));
            logger.LogWarning("Collision {Fingerprint} shared by {Owners} customers", fingerprint, owners.Count); // leak TC1002 hashes
            run.AddJobRowSkippedEvent($"collision on {email}"); // leak TC1001 generated-api
        }
    }
}
