using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Retail;

public sealed record LoyaltyMember(string MemberNumber, string Tier, int Points);

public sealed record Receipt(string ReceiptNumber, string StoreId, string TillId, decimal Total, string? LoyaltyCard, string? CardLast4, string? CustomerEmail);

public enum ScanOutcome { Item, Member, Rejected }

/// <summary>Reads GS1 element strings (with FNC1 as the group separator) into their application identifiers.</summary>
public static class Gs1ElementString
{
    private const char GroupSeparator = '\u001d';
    private static readonly Dictionary<string, int> FixedLengths = new() { ["00"] = 18, ["01"] = 14, ["02"] = 14, ["11"] = 6, ["15"] = 6, ["17"] = 6 };

    public static Dictionary<string, string> Parse(string data)
    {
        var result = new Dictionary<string, string>();
        var position = data.StartsWith("]C1", StringComparison.Ordinal) || data.StartsWith("]d2", StringComparison.Ordinal) ? 3 : 0;
        while (position + 2 <= data.Length)
        {
            var ai = data.Substring(position, 2);
            position += 2;
            if (FixedLengths.TryGetValue(ai, out var length))
            {
                result[ai] = data.Substring(position, Math.Min(length, data.Length - position));
                position += length;
                continue;
            }

            var end = data.IndexOf(GroupSeparator, position);
            end = end < 0 ? data.Length : end;
            result[ai] = data[position..end];
            position = end + 1;
        }

        return result;
    }
}

/// <summary>Handles what the tills scan: GS1 product barcodes and loyalty cards, and the receipts they print.</summary>
public sealed class TillScanService(IReadOnlyDictionary<string, LoyaltyMember> members, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<TillScanService> logger)
{
    private const string LoyaltyPrefix = "9826";
    private static readonly ActivitySource Source = new("Retail.Till");

    public ScanOutcome Scan(string tillId, string barcode)
    {
        using var span = Source.StartScanValidation(barcode.StartsWith(LoyaltyPrefix, StringComparison.Ordinal) ? "loyalty" : "gs1");
        span.SetScanSource(tillId); // clean generated-api
        if (barcode.StartsWith(LoyaltyPrefix, StringComparison.Ordinal))
        {
            var card = barcode;
            span.SetScanHolderId(pseudonymizer.PseudonymizeScanHolderId(card)); // clean precision-pseudonym
            LoyaltyMember member;
            try
            {
                member = members[card];
            }
            catch (KeyNotFoundException ex)
            {
                logger.LogWarning(ex, "Unknown loyalty card at {TillId}", tillId); // leak TC1001 exceptions
                span.AddScanRejectedEvent("loyalty", scanResult: "unknown card"); // clean generated-api
                return ScanOutcome.Rejected;
            }

            Activity.Current?.SetTag("loyalty.member_tier", member.Tier); // clean precision-names
            Activity.Current?.SetTag("loyalty.card", card); // leak TC1001 direct
            meter.CreateScanReadsCounter().Add(1, "loyalty", scanSource: tillId, scanResult: $"cohort-{Cohort(card)}"); // clean hashes
            return ScanOutcome.Member;
        }

        var identifiers = Gs1ElementString.Parse(barcode);
        Activity.Current?.SetTag("gs1.gtin", identifiers.GetValueOrDefault("01")); // clean direct
        Activity.Current?.SetTag("gs1.batch", identifiers.GetValueOrDefault("10"));
        Activity.Current?.SetTag("gs1.serial", identifiers.GetValueOrDefault("21")); // clean precision-names
        logger.LogDebug("Scanned {@ApplicationIdentifiers}", identifiers); // clean logging-objects
        meter.CreateScanReadsCounter().Add(1, "gs1", scanSource: tillId);
        return ScanOutcome.Item;
    }

    public void OnReceiptPrinted(Receipt receipt)
    {
        logger.LogInformation("Receipt {ReceiptNumber} at {StoreId}/{TillId} for {Total}", receipt.ReceiptNumber, receipt.StoreId, receipt.TillId, receipt.Total); // clean direct
        logger.LogInformation("Receipt {ReceiptNumber} paid by card ending {CardLast4}", receipt.ReceiptNumber, receipt.CardLast4); // clean precision-about
        if (receipt.CustomerEmail is not null)
        {
            logger.LogInformation("E-receipt {ReceiptNumber} sent to {Email}", receipt.ReceiptNumber, receipt.CustomerEmail); // leak TC1001 direct
        }

        if (receipt.LoyaltyCard is not null)
        {
            Activity.Current?.SetTag("loyalty.card_md5", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(receipt.LoyaltyCard)))); // leak TC1002 hashes
        }

        logger.LogDebug("Receipt {@Receipt}", receipt); // leak TC1001 logging-objects
    }

    private int Cohort(string card)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(card));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % 4);
    }
}
