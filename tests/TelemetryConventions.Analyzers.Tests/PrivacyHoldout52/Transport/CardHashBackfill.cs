using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Transport;

/// <summary>Adds the hotlist hash column; the rows are filled by <see cref="CardHashBackfill"/> after deployment.</summary>
public sealed class AddCardHotlistHash : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("hotlist_hash", "travel_cards");
        migrationBuilder.CreateIndex("ix_travel_cards_hotlist_hash", "travel_cards", "hotlist_hash");
    }
}

public sealed record CardRow(string CardNumber, Guid? RiderId, string? RiderEmail);

/// <summary>Fills <c>hotlist_hash</c> in keyset-paged batches of the travel card table.</summary>
public sealed partial class CardHashBackfill(IFaresConnectionFactory connections, ILogger<CardHashBackfill> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transport.Backfill");

    public async Task RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        var cursor = string.Empty;
        var batch = 0;
        await using var connection = await connections.OpenAsync(cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            using var span = Source.StartDataOperation("update", nameof(TravelCard)).SetDataQueryName("BackfillHotlistHash");
            var rows = (await connection.QueryAsync<CardRow>(
                "SELECT TOP (@BatchSize) c.card_number, c.rider_id, r.email AS rider_email FROM travel_cards c LEFT JOIN riders r ON r.id = c.rider_id WHERE c.card_number > @Cursor AND c.hotlist_hash IS NULL ORDER BY c.card_number",
                new { BatchSize = batchSize, Cursor = cursor })).ToList();
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(row.CardNumber)));
                await connection.ExecuteAsync("UPDATE travel_cards SET hotlist_hash = @Hash WHERE card_number = @CardNumber", new { Hash = hash, row.CardNumber });
                if (row.RiderEmail is null)
                {
                    CardWithoutRider(logger, row.CardNumber); // clean direct
                }
                else if (!row.RiderEmail.Contains('@'))
                {
                    MalformedRiderEmail(logger, row.RiderEmail); // leak TC1001 cross-member
                }
            }

            batch++;
            cursor = rows[^1].CardNumber;
            span.SetDataRows(rows.Count).SetDataNote($"batch {batch}"); // clean generated-api
            logger.LogInformation("Backfill batch {Batch}: {Rows} cards, resuming after {Cursor}", batch, rows.Count, cursor); // leak TC1001 cross-member
            logger.LogDebug("Batch {Batch} first hash {Hash}", batch, Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(rows[0].CardNumber)))); // leak TC1002 hashes
            logger.LogDebug("Batch {Batch} first rider {RiderRef}", batch, rows[0].RiderId is { } riderId ? pseudonymizer.ComputeDataSubjectId(riderId.ToString()) : "none"); // clean precision-pseudonym
        }

        logger.LogInformation("Hotlist hash backfill finished after {Batches} batches", batch); // clean precision-about
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Debug, Message = "Card {CardNumber} has no registered rider")]
    private static partial void CardWithoutRider(ILogger logger, [PrivateData] string cardNumber);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Rider email {RiderEmail} is malformed; left for support")]
    private static partial void MalformedRiderEmail(ILogger logger, string riderEmail);
}
