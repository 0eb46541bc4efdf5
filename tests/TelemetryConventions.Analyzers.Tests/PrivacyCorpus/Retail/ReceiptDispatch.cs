using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyCorpus.Retail;

public sealed record PlacedOrder(Guid OrderId, string CustomerId, string ContactEmail, string StoreCode, int LineCount);

public interface IMailGateway
{
    Task SendAsync(string to, string templateKey, CancellationToken cancellationToken);
}

/// <summary>One receipt to send: created per placed order by the dispatcher below.</summary>
public sealed class ReceiptJob(IMailGateway mail, ILogger logger, string recipient, string template, Guid reference)
{
    private static readonly ActivitySource Source = new("Shop.Receipts");

    private readonly string _audit = $"receipt {reference} via {template}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("receipt.send");
        activity?.SetTag("shop.receipt.reference", reference); // clean precision-names
        activity?.SetTag("shop.receipt.template", template); // clean precision-names
        activity?.SetTag("shop.receipt.audit", _audit); // clean cross-member
        activity?.SetTag("shop.receipt.recipient", recipient); // leak TC1001 cross-member
        try
        {
            await mail.SendAsync(recipient, template, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Receipt mail to {Recipient} timed out", recipient); // leak TC1001 cross-member
        }
    }
}

/// <summary>A per-store summary line, built from the store only.</summary>
public sealed class StoreReceiptBanner(string store, int lines)
{
    private static readonly ActivitySource Source = new("Shop.Receipts");

    public void Annotate()
    {
        Activity.Current?.SetTag("shop.receipt.store", store); // clean cross-member
        Activity.Current?.AddEvent(new ActivityEvent("receipt.banner", tags: new ActivityTagsCollection { ["shop.receipt.lines"] = lines })); // clean precision-about
        using var activity = Source.StartActivity("receipt.banner");
    }
}

public sealed class ReceiptDispatcher(IMailGateway mail, ILogger<ReceiptDispatcher> logger)
{
    public Task DispatchAsync(PlacedOrder order, CancellationToken cancellationToken)
    {
        new StoreReceiptBanner(order.StoreCode, order.LineCount).Annotate();
        var job = new ReceiptJob(mail, logger, order.ContactEmail, "order-confirmation", order.OrderId);
        return job.RunAsync(cancellationToken);
    }
}
