using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Retail;

public sealed record BasketLine(string ReceiptNumber, string StoreId, string TillId, DateTimeOffset SoldAt, string Gtin, int Quantity, decimal Price, string? LoyaltyNumber);

public interface IPointOfSaleExtract
{
    Task<IReadOnlyList<BasketLine>> ReadAfterAsync(string? lastReceipt, DateTimeOffset watermark, CancellationToken cancellationToken);
}

/// <summary>
/// Exports till basket lines to the lake for the merchandising team's market-basket analysis. The
/// loyalty number is replaced by a basket-level key; products bought in fewer than three baskets are
/// left out of the daily affinity table.
/// </summary>
public sealed class BasketLinesExport(
    IPointOfSaleExtract pos,
    IDataLakeClient lake,
    ICheckpointStore checkpoints,
    Pseudonymizer pseudonymizer,
    ILogger<BasketLinesExport> logger)
{
    private const string Job = "basket_lines_export";
    private static readonly ActivitySource Source = new("Shop.Lake.Baskets");

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.GetAsync(Job, cancellationToken) ?? new JobCheckpoint(Job, DateTimeOffset.UnixEpoch, 0);
        using var span = Source.StartPipelineBatch(Job, "pos.basket_line");
        logger.LogInformation("Resuming from {@Checkpoint}", checkpoint); // clean logging-objects

        var lines = await pos.ReadAfterAsync(checkpoint.LastKey, checkpoint.Watermark, cancellationToken);
        var invalid = lines.Where(l => l.Quantity <= 0 || l.Price < 0).ToList();
        foreach (var line in invalid.Take(3))
        {
            logger.LogWarning("Invalid basket line {@Line}", line); // leak TC1001 logging-objects
            span.AddPipelineRowRejectedEvent("pos.basket_line", $"receipt {line.ReceiptNumber} line {line.Gtin}: quantity {line.Quantity}"); // clean generated-api
        }

        foreach (var line in lines.Where(l => l.LoyaltyNumber is { Length: not 16 }).Take(3))
        {
            span.AddPipelineRowRejectedEvent("pos.basket_line", $"receipt {line.ReceiptNumber}: loyalty number {line.LoyaltyNumber} is not 16 digits"); // leak TC1001 generated-api
        }

        var valid = lines.Except(invalid).ToList();
        var baskets = valid.GroupBy(l => l.ReceiptNumber).ToList();
        span.SetPipelineRowCount(valid.Count); // clean precision-about

        var path = $"retail/basket_lines/sold_on={day:yyyy-MM-dd}/lines.csv";
        await using var buffer = new MemoryStream();
        using (var csv = new CsvFileWriter(new StreamWriter(buffer, leaveOpen: true)))
        {
            string[] header = ["receipt", "store", "sold_at", "gtin", "quantity", "price", "shopper_key"];
            csv.WriteHeader(header);
            logger.LogDebug("CSV header: {Header}", string.Join(",", header)); // clean precision-names
            foreach (var line in valid)
            {
                var shopperKey = line.LoyaltyNumber is null ? null : pseudonymizer.ComputePipelineSubjectId(line.LoyaltyNumber);
                var written = csv.WriteRecord([line.ReceiptNumber, line.StoreId, line.SoldAt.ToString("O"), line.Gtin, line.Quantity.ToString(), line.Price.ToString("0.00"), shopperKey]);
                if (csv.Records == 1)
                {
                    logger.LogDebug("First CSV record: {Record}", written); // clean strings
                }
            }
        }

        var uri = await lake.UploadAsync(path, new MemoryStream(buffer.ToArray()), overwrite: true, cancellationToken);
        Activity.Current?.SetTag("lake.uri", uri.ToString()); // clean strings

        var firstMember = valid.FirstOrDefault(l => l.LoyaltyNumber is not null);
        if (firstMember is not null)
        {
            // The 2021 affinity notebooks still join on the old key.
            var legacyKey = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(firstMember.LoyaltyNumber!)));
            Activity.Current?.SetTag("basket.legacy_shopper_key", legacyKey); // leak TC1002 hashes
            logger.LogDebug("Sample loyalty member {LoyaltyNumber} in receipt {Receipt}", firstMember.LoyaltyNumber, firstMember.ReceiptNumber); // leak TC1001 direct
        }

        var products = valid.GroupBy(l => l.Gtin).Where(g => g.Select(l => l.ReceiptNumber).Distinct().Count() >= 3).Select(g => g.Key).ToList();
        span.SetPipelineNote($"{products.Count} products in 3+ baskets; {baskets.Count} baskets"); // clean generated-api

        var last = valid.Count == 0 ? checkpoint.LastKey : valid[^1].ReceiptNumber;
        var next = new JobCheckpoint(Job, valid.Count == 0 ? checkpoint.Watermark : valid[^1].SoldAt, checkpoint.BatchNumber + 1, last);
        await checkpoints.SaveAsync(next, cancellationToken);
        logger.LogInformation("Checkpoint {@Checkpoint}", next); // clean logging-objects
    }
}
