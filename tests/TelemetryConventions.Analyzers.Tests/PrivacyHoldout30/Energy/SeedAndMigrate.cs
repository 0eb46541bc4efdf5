using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Energy;

public sealed record TariffSeed(string Code, string Region, decimal UnitRate, decimal StandingCharge);

/// <summary>Seeds reference data at start-up and creates the bootstrap back-office admin from configuration.</summary>
public sealed class ReferenceDataSeeder(ISqlRunner sql, IAppConfiguration configuration, ILogger<ReferenceDataSeeder> logger)
{
    private static readonly TariffSeed[] Tariffs =
    [
        new("FLEX-E7", "east", 0.2431m, 0.5312m),
        new("FIX-24", "north", 0.2299m, 0.4988m),
        new("EV-NIGHT", "south", 0.0850m, 0.5312m),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var tariff in Tariffs)
        {
            inserted += await sql.ExecuteAsync("insert into tariffs values (@Code, @Region, @UnitRate, @StandingCharge) on conflict do nothing", tariff, cancellationToken);
        }

        logger.LogInformation("Seeded {Inserted} of {Count} tariffs: {Codes}", inserted, Tariffs.Length, string.Join(",", Tariffs.Select(t => t.Code))); // clean precision-names
        logger.LogDebug("Seeded tariffs {@Tariffs}", Tariffs); // clean logging-objects

        // Seeder:AdminEmail is the named member of the billing team who owns the environment.
        var adminEmail = configuration["Seeder:AdminEmail"];
        if (adminEmail is null)
        {
            return;
        }

        var created = await sql.ExecuteAsync("insert into backoffice_users (email, role) values (@adminEmail, 'admin') on conflict do nothing", new { adminEmail }, cancellationToken);
        if (created > 0)
        {
            logger.LogInformation("Bootstrap admin {AdminEmail} created", adminEmail); // leak TC1001 direct
        }

        logger.LogInformation("Bootstrap admin mailbox is at {Domain}", adminEmail.Split('@')[^1]); // clean precision-about
    }
}

/// <summary>Migration 0042: moves contact phone numbers from <c>accounts</c> into <c>account_contacts</c>.</summary>
public sealed class SplitAccountContactsMigration(ISqlRunner sql, IMigrationHistory history, ActivitySource source, ILogger<SplitAccountContactsMigration> logger)
{
    public const string Id = "0042_split_account_contacts";

    public async Task ApplyAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if ((await history.AppliedAsync(cancellationToken)).Contains(Id))
        {
            logger.LogInformation("Migration {Id} already applied", Id); // clean precision-names
            return;
        }

        using var run = source.StartJobRun(Id);
        run.SetJobDryRun(dryRun); // clean precision-about
        var accounts = await sql.QueryAsync<string>("select account_number from accounts where phone is not null", null, cancellationToken);
        var touched = new List<string>();
        foreach (var accountNumber in accounts)
        {
            var rows = dryRun ? 1 : await sql.ExecuteAsync(
                "insert into account_contacts (account_number, kind, value) select account_number, 'phone', phone from accounts where account_number = @accountNumber",
                new { accountNumber },
                cancellationToken);
            if (rows == 0)
            {
                run.SetJobNote($"first account without a phone row: {accountNumber}"); // leak TC1001 generated-api
                continue;
            }

            touched.Add(accountNumber);
        }

        run.SetJobRowsTouched(touched.Count); // clean precision-about
        logger.LogInformation("Migration {Id} touched {Count} accounts", Id, touched.Count); // clean precision-about
        logger.LogInformation("Migration {Id} touched accounts {Accounts}", Id, string.Join(",", touched)); // leak TC1001 strings
        if (!dryRun)
        {
            await history.MarkAppliedAsync(Id, cancellationToken);
        }
    }
}
