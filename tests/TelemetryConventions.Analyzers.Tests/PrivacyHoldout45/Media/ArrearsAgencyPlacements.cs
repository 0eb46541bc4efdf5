using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Telemetry;

namespace PrivacyHoldout45.Media;

// Former subscribers who left owing more than three months are placed with a debt collection
// agency. A monthly job writes the placement file, uploads it to the agency's API and records which
// accounts the agency accepted.

public sealed record ClosedAccountDebt(string AccountNumber, Guid SubscriberId, string FullName, string Email, string Postcode, decimal Owed, DateOnly ClosedOn);

public interface IClosedAccountDebts
{
    Task<IReadOnlyList<ClosedAccountDebt>> OlderThanAsync(DateOnly cutOff, CancellationToken cancellationToken);
}

public interface ICollectionAgencyApi
{
    Task<IReadOnlyList<string>> PlaceAsync(string fileName, string csv, CancellationToken cancellationToken);
}

/// <summary>The agency's answer to a file it could not load: its message quotes the first rejected row's account reference.</summary>
public sealed class AgencyFileRejectedException(string message, int row) : Exception(message)
{
    public int Row { get; } = row;
}

public sealed partial class ArrearsPlacementJob(
    IClosedAccountDebts debts,
    ICollectionAgencyApi agency,
    IClock clock,
    Meter meter,
    ILogger<ArrearsPlacementJob> logger)
{
    private static readonly ActivitySource Source = new("Billing.Placements");
    private readonly Counter<long> _placed = meter.CreateCounter<long>("billing.placements");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = await debts.OlderThanAsync(clock.Today.AddMonths(-3), cancellationToken);
        using var activity = Source.StartActivity("placements.monthly");
        activity?.SetTag("placements.count", batch.Count); // clean precision-about
        activity?.SetTag("placements.total_owed", (double)batch.Sum(d => d.Owed)); // clean precision-about
        logger.LogInformation("Placing {Count} accounts: {Accounts}", batch.Count, string.Join(",", batch.Select(d => d.AccountNumber))); // leak TC1001 direct

        var csv = new StringBuilder("account,name,email,postcode,owed,closed\n");
        foreach (var debt in batch)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{debt.AccountNumber},{debt.FullName},{debt.Email},{debt.Postcode},{debt.Owed},{debt.ClosedOn:yyyy-MM-dd}");
        }

        var fileName = $"placements-{clock.Today:yyyy-MM}.csv";
        activity?.SetTag("placements.file", fileName); // clean precision-about
        logger.LogDebug("First row: {Row}", csv.ToString().Split('\n')[1]); // leak TC1001 strings

        try
        {
            var accepted = await agency.PlaceAsync(fileName, csv.ToString(), cancellationToken);
            foreach (var debt in batch.Where(d => accepted.Contains(d.AccountNumber)))
            {
                using var placement = Source.StartActivity("placements.account");
                if (placement is not null)
                {
                    placement.DisplayName = $"placement {debt.AccountNumber}"; // leak TC1001 strings
                }

                using var scope = logger.BeginScope("Placement of subscriber {SubscriberId}", debt.SubscriberId); // leak TC1001 logging-objects
                PlacementAccepted(logger, debt.Email, debt.Owed); // leak TC1001 direct
                _placed.Add(1, new KeyValuePair<string, object?>("placements.district", debt.Postcode.Split(' ')[0])); // clean precision-about
                _placed.Add(1, new KeyValuePair<string, object?>("placements.postcode", debt.Postcode)); // leak TC1003 direct
            }
        }
        catch (AgencyFileRejectedException ex)
        {
            logger.LogError(ex, "Agency rejected {File} at row {Row}", fileName, ex.Row); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"rejected at row {ex.Row}"); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Agency accepted the debt of {Email}: {Owed}")]
    private static partial void PlacementAccepted(ILogger logger, string email, decimal owed);
}
