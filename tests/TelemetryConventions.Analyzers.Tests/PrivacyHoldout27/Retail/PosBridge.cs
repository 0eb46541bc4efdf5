using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Retail;

public sealed record TillReceipt(string ReceiptNumber, string StoreId, int Till, decimal Total, string? LoyaltyCard, string? CustomerEmail);

public interface IReceiptUploader
{
    Task UploadAsync(TillReceipt receipt, CancellationToken cancellationToken);
}

public interface ILoyaltyDirectory
{
    bool IsKnown(string loyaltyCard);
}

/// <summary>
/// The bridge from the stores' tills to the platform. It was ported from the old POS service and
/// still traces through a TraceSource; the host adds the OpenTelemetry log listener to it.
/// </summary>
public sealed class PosBridge(IReceiptUploader uploader, ILoyaltyDirectory loyalty)
{
    private static readonly TraceSource Pos = new("Commerce.PosBridge", SourceLevels.Information);

    public async Task ForwardAsync(TillReceipt receipt, CancellationToken cancellationToken)
    {
        Pos.TraceEvent(TraceEventType.Information, 200, "Store {0} till {1} receipt {2} total {3}", receipt.StoreId, receipt.Till, receipt.ReceiptNumber, receipt.Total); // clean direct
        Pos.TraceData(TraceEventType.Verbose, 201, receipt); // leak TC1001 logging-objects

        if (receipt.LoyaltyCard is { } card && !loyalty.IsKnown(card))
        {
            Pos.TraceEvent(TraceEventType.Warning, 202, "Loyalty card {0} not recognised at till {1}", card, receipt.Till); // leak TC1001 direct
            Pos.TraceEvent(TraceEventType.Warning, 203, "Unknown loyalty card ending {0} at till {1}", card[^4..], receipt.Till); // clean precision-about
        }

        try
        {
            await uploader.UploadAsync(receipt, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            Pos.TraceEvent(TraceEventType.Error, 204, "Receipt upload failed: " + ex.Message); // clean exceptions
        }
    }
}
