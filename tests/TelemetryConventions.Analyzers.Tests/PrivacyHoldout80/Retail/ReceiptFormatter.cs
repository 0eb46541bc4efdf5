namespace PrivacyHoldout80.Retail;

public sealed record ReceiptLine(string Sku, int Quantity, long PriceMinor);

/// <summary>Prints receipts into a pooled char buffer; the loyalty footer names the member number.</summary>
public sealed class ReceiptFormatter(ILogger<ReceiptFormatter> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Tillwire.Receipts");
    private string? _lastFooter;

    public string Format(string storeId, int lane, IReadOnlyList<ReceiptLine> lines, string maskedPan, string? loyaltyNumber)
    {
        var buffer = ArrayPool<char>.Shared.Rent(2048);
        try
        {
            var span = buffer.AsSpan();
            var written = 0;
            foreach (var line in lines)
            {
                span[written..].TryWrite($"{line.Sku,-14}{line.Quantity,3} {line.PriceMinor / 100m,9:F2}\n", out var n);
                written += n;
            }
            var total = lines.Sum(l => l.PriceMinor * l.Quantity);
            span[written..].TryWrite($"TOTAL {total / 100m,20:F2}\nCARD {maskedPan}\n", out var t);
            written += t;
            if (loyaltyNumber is not null)
            {
                _lastFooter = $"MEMBER {loyaltyNumber}";
                span[written..].TryWrite($"{_lastFooter}\n", out var m);
                written += m;
            }
            var receipt = new string(span[..written]);

            using var activity = Source.StartActivity("tillwire.receipt");
            activity?.SetTag("tillwire.store", storeId); // clean precision-about
            activity?.SetTag("tillwire.lane", lane); // clean precision-about
            activity?.SetTag("tillwire.receipt.lines", lines.Count); // clean precision-about
            activity?.SetTag("tillwire.receipt.total_minor", total); // clean precision-about
            activity?.SetTag("tillwire.receipt.card", maskedPan); // clean precision-about
            activity?.SetTag("tillwire.customer", loyaltyNumber is null ? null : pseudonymizer.ComputeTillwireCustomerId(loyaltyNumber)); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("tillwire.receipt.footer", tags: new ActivityTagsCollection { ["footer"] = _lastFooter })); // leak TC1001 cross-member
            logger.LogDebug("Receipt printed:\n{Receipt}", receipt); // leak TC1001 strings
            logger.LogDebug("Receipt of {Chars} characters, loyalty {HasLoyalty}", written, loyaltyNumber is not null); // clean precision-about
            return receipt;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public void Reprint(string storeId)
    {
        logger.LogInformation("Reprint at {Store}, footer {Footer}", storeId, _lastFooter); // leak TC1001 cross-member
    }
}
