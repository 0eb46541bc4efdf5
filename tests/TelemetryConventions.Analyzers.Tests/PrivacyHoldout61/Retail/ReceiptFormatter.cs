using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Retail;

public sealed record ReceiptLine(string Sku, string Description, int Quantity, decimal UnitPrice);

public sealed record Order(
    string OrderId,
    string StoreCode,
    string CustomerNumber,
    string CustomerName,
    string Phone,
    string? LoyaltyCardNumber,
    string CardPan,
    string CardBrand,
    IReadOnlyList<ReceiptLine> Lines,
    decimal Total,
    string DeliveryPostcode,
    DateTime PlacedAt);

/// <summary>How a payment card is shown on receipts and screens.</summary>
public static class CardMasks
{
    /// <summary>The six-and-four mask PCI DSS allows to be shown: <c>424242******4242</c>.</summary>
    public static string FirstSixLastFour(string pan) =>
        string.Concat(pan.AsSpan(0, 6), new string('*', pan.Length - 10), pan.AsSpan(pan.Length - 4));

    /// <summary>
    /// The till printer's mask, from the old POS: meant to blank the middle of the number, it replaces
    /// four digits and keeps twelve (<c>424242****424242</c>).
    /// </summary>
    public static string TillMask(string pan) => pan.Remove(6, 4).Insert(6, "****");

    /// <summary><c>************4242</c>.</summary>
    public static string LastFour(string pan) => pan[^4..].PadLeft(pan.Length, '*');
}

/// <summary>Lays out the receipt text for email, SMS and the till printer.</summary>
public sealed class ReceiptFormatter(
    ActivitySource source,
    ILogger<ReceiptFormatter> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private const int Width = 40;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public string Format(Order order, ReceiptsChannel channel)
    {
        using var span = source.StartReceiptsCompose(order.OrderId, order.StoreCode); // clean precision-names
        span.SetReceiptsCustomerId(pseudonymizer.PseudonymizeReceiptsCustomerId(order.CustomerNumber)).SetReceiptsChannel(channel); // clean precision-pseudonym
        if (order.LoyaltyCardNumber is { } loyaltyCard)
        {
            span.SetReceiptsLoyaltyCard(pseudonymizer.PseudonymizeReceiptsLoyaltyCard(loyaltyCard)); // clean precision-pseudonym
        }

        var text = new StringBuilder();
        text.AppendLine(Greeting(order));
        text.AppendLine(("STORE " + order.StoreCode).PadLeft((Width + 6 + order.StoreCode.Length) / 2));
        text.AppendLine(new string('-', Width));
        foreach (var line in order.Lines)
        {
            var left = $"{line.Quantity} x {line.Description.Truncate(24)}";
            var right = (line.Quantity * line.UnitPrice).ToString("C", EnGb);
            text.Append(left.PadRight(Width - right.Length)).AppendLine(right);
        }

        text.AppendLine(new string('-', Width));
        text.Append("TOTAL".PadRight(Width - 10)).AppendLine(order.Total.ToString("C", EnGb).PadLeft(10));
        try
        {
            text.Append(order.CardBrand).Append(' ').AppendLine(CardMasks.TillMask(order.CardPan));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            text.AppendLine(order.CardBrand);
        }
        if (order.LoyaltyCardNumber is { } loyalty)
        {
            text.Append("Loyalty ").AppendLine(loyalty.Insert(12, " ").Insert(8, " ").Insert(4, " "));
        }

        text.Append("Find this receipt in store with code ").AppendLine(LookupCode(order));
        var receipt = text.ToString();

        span.SetReceiptsLines(order.Lines.Count); // clean precision-about
        span.Activity?.SetTag("receipts.header", Greeting(order)); // leak TC1001 cross-member
        span.Activity?.SetTag("receipts.card", $"{order.CardBrand} {CardMasks.FirstSixLastFour(order.CardPan)}"); // clean precision-about
        span.Activity?.SetTag("receipts.card.till", CardMasks.TillMask(order.CardPan)); // leak TC1001 strings
        span.Activity?.SetTag("receipts.card.last4", CardMasks.LastFour(order.CardPan)); // clean precision-about
        span.Activity?.SetTag("receipts.loyalty.printed", "Loyalty " + order.LoyaltyCardNumber?.Insert(4, " ")); // leak TC1001 strings
        span.Activity?.SetTag("receipts.lookup_code", LookupCode(order)); // leak TC1002 hashes
        span.Activity?.SetTag("receipts.partition", Partition(order.CustomerNumber)); // clean hashes
        span.SetReceiptsNote(receipt); // leak TC1001 generated-api
        span.SetReceiptsNote(string.Join(" | ", order.Lines.Select(l => $"{l.Sku}x{l.Quantity}"))); // clean generated-api

        logger.LogDebug("Receipt for {Order}:{NewLine}{Receipt}", order.OrderId, Environment.NewLine, receipt); // leak TC1001 strings
        logger.LogInformation("Receipt for {Order}: {Lines} lines, {Chars} characters", order.OrderId, order.Lines.Count, receipt.Length); // clean precision-about
        logger.LogInformation("Receipt composed {@Summary}", new { order.OrderId, order.StoreCode, Lines = order.Lines.Count, order.Total }); // clean logging-objects
        logger.LogInformation("Receipt composed {@Order}", order); // leak TC1001 logging-objects
        logger.LogReceiptsSentEvent(order.OrderId, channel, receiptsCustomerId: pseudonymizer.PseudonymizeReceiptsCustomerId(order.CustomerNumber), receiptsNote: $"{order.Lines.Count} lines, {order.Total.ToString("C", EnGb)}"); // clean generated-api
        meter.CreateReceiptsSentCounter().Add(1, order.StoreCode, channel); // clean precision-names
        return receipt;
    }

    private static string Greeting(Order order) => $"Thanks for shopping with us, {order.CustomerName.Titleize()}!";

    /// <summary>Six characters the till can search by: SHA-256 of the customer number and the day.</summary>
    private static string LookupCode(Order order) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{order.CustomerNumber}:{order.PlacedAt:yyyyMMdd}")))[..6];

    private string Partition(string customerNumber) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] & 0x1F).ToString(CultureInfo.InvariantCulture);
}
