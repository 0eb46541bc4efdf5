namespace PrivacyHoldout78.Retail;

public sealed record ReceiptLine(string Sku, string Description, int Quantity, decimal UnitPrice);

public sealed record ReceiptRequest(string ReceiptId, string StoreId, string Culture, string Currency, string? LoyaltyCardNumber, string? MemberFirstName, IReadOnlyList<ReceiptLine> Lines);

/// <summary>
/// Formats e-receipts in the shopper's culture and currency, with the loyalty footer ("Thanks,
/// Ana! You earned 120 points") for members.
/// </summary>
public sealed partial class PriceFormatting(IStringLocalizer<PriceFormatting> localizer, ILogger<PriceFormatting> logger)
{
    private static readonly ActivitySource Source = new("Shop.Receipts");
    private static readonly Histogram<int> LineCount = new Meter("Shop.Receipts").CreateHistogram<int>("shopcopy.receipt.lines", "{line}");

    public string Format(ReceiptRequest request)
    {
        using var activity = Source.StartActivity("receipt.format");
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(request.Culture).Clone();
        culture.NumberFormat.CurrencySymbol = request.Currency == "EUR" ? "€" : culture.NumberFormat.CurrencySymbol;
        activity?.SetTag("receipt.id", request.ReceiptId); // clean precision-about
        activity?.SetTag("receipt.culture", culture.Name); // clean precision-about
        activity?.SetTag("receipt.currency_symbol", culture.NumberFormat.CurrencySymbol);
        LineCount.Record(request.Lines.Count, new KeyValuePair<string, object?>("store", request.StoreId), new KeyValuePair<string, object?>("culture", culture.Name)); // clean precision-about

        var text = new StringBuilder();
        foreach (var line in request.Lines)
        {
            text.AppendLine(string.Format(culture, "{0,-24} {1,3} {2,10:C}", line.Description, line.Quantity, line.UnitPrice * line.Quantity));
        }
        var total = request.Lines.Sum(l => l.UnitPrice * l.Quantity).ToString("C", culture);
        activity?.SetTag("receipt.total", total); // clean precision-about
        logger.LogDebug("Receipt body {Body}", text.ToString()); // clean strings

        if (request.LoyaltyCardNumber is { } card)
        {
            var footer = localizer["Receipt.Footer", request.MemberFirstName ?? string.Empty, (int)request.Lines.Sum(l => l.UnitPrice)];
            text.AppendLine(footer);
            LogFooter(logger, request.ReceiptId, card[^4..]); // clean precision-about
            LogMemberFooter(logger, card, footer.Value); // leak TC1001 direct
            activity?.SetTag("receipt.footer", footer.Value); // leak TC1001 strings
        }
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loyalty footer on receipt {ReceiptId} for card ending {CardLast4}")]
    private static partial void LogFooter(ILogger logger, string receiptId, string cardLast4);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Loyalty footer for card {CardNumber}: {Footer}")]
    private static partial void LogMemberFooter(ILogger logger, string cardNumber, string footer);
}
