using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Energy;

/// <summary>
/// One row of the data-matching file the benefits department returns to the supplier for the winter
/// rebate scheme: the supplier's account number, the supply point, whether the household matched.
/// </summary>
public sealed record DataMatchRow(string AccountNumber, string Mpan, string MatchStatus, string SchemeYear, string MatchRunId);

public sealed class AccountNotOnSupplyException(string message) : Exception(message);

public interface IBillingAccounts
{
    /// <exception cref="AccountNotOnSupplyException">The account was closed before the scheme's qualifying date.</exception>
    Task ApplyRebateAsync(string accountNumber, decimal amount, string schemeYear, CancellationToken cancellationToken);
}

public sealed class WarmHomeDiscountImporter(
    IBillingAccounts billing,
    ActivitySource source,
    Meter meter,
    ILogger<WarmHomeDiscountImporter> logger,
    Pseudonymizer pseudonymizer)
{
    private const decimal Rebate = 150m;
    private readonly Counter<long> _rows = meter.CreateCounter<long>("whd.match.rows", "{row}");

    public async Task ImportAsync(string path, CancellationToken cancellationToken)
    {
        // The department names its files by scheme year and run date (WHD_2024_25_20241104.csv).
        using var activity = source.StartActivity("whd.match.import");
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        logger.LogInformation("Processing match file {FileName} with {Rows} rows", Path.GetFileName(path), lines.Length - 1); // clean precision-about

        var notOnSupply = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                logger.LogWarning("Unparseable match row: {Line}", line); // leak TC1001 direct
                continue;
            }

            var row = new DataMatchRow(fields[0], fields[1], fields[2], fields[3], fields[4]);
            activity?.SetTag("whd.match_run", row.MatchRunId); // clean direct
            _rows.Add(1, new KeyValuePair<string, object?>("status", row.MatchStatus), new KeyValuePair<string, object?>("distributor", row.Mpan[..2])); // clean precision-about

            if (row.MatchStatus != "MATCHED")
            {
                continue;
            }

            try
            {
                await billing.ApplyRebateAsync(row.AccountNumber, Rebate, row.SchemeYear, cancellationToken);
                activity?.AddEvent(new ActivityEvent("whd.rebate.applied", tags: new ActivityTagsCollection { ["account"] = row.AccountNumber, ["amount"] = (double)Rebate })); // leak TC1001 direct
                logger.LogInformation("Rebate applied to {AccountRef}", pseudonymizer.ComputeCaseworkSubjectId(row.AccountNumber)); // clean precision-pseudonym
            }
            catch (AccountNotOnSupplyException ex)
            {
                notOnSupply.Add(row.Mpan);
                logger.LogError(ex, "Match row skipped in run {MatchRunId}", row.MatchRunId); // leak TC1001 exceptions
            }
        }

        if (notOnSupply.Count > 0)
        {
            logger.LogWarning("Supply points not on supply: {Mpans}", string.Join(',', notOnSupply)); // leak TC1001 logging-objects
            activity?.SetTag("whd.not_on_supply.count", notOnSupply.Count); // clean precision-about
        }
    }
}

public sealed class BillingAccounts(IDictionary<string, DateOnly?> closedOn) : IBillingAccounts
{
    public Task ApplyRebateAsync(string accountNumber, decimal amount, string schemeYear, CancellationToken cancellationToken)
    {
        if (closedOn.TryGetValue(accountNumber, out var closed) && closed is not null)
        {
            throw new AccountNotOnSupplyException($"Account {accountNumber} closed on {closed:d}, before the {schemeYear} qualifying date");
        }

        return Task.CompletedTask;
    }
}
