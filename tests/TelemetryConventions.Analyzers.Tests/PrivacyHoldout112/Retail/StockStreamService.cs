using Shop.V1;

namespace PrivacyHoldout112.Retail;

public interface IStockFeed
{
    IAsyncEnumerable<StockLevel> WatchAsync(string storeId, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);
}

/// <summary>shop.v1.Stock: streams stock levels of a store's SKUs to the store's handhelds and the click-and-collect page.</summary>
public sealed class StockStreamService(IStockFeed feed, ILogger<StockStreamService> logger) : Stock.StockBase
{
    private static readonly ActivitySource Source = new("Shop.Stock");
    private static readonly Meter Meter = new("Shop.Stock");
    private static readonly Counter<long> Pushed = Meter.CreateCounter<long>("shop.stock.pushed");

    public override async Task WatchStock(StockQuery request, IServerStreamWriter<StockLevel> responseStream, ServerCallContext context)
    {
        using var span = Source.StartShoprpcCall(context.Method).SetShoprpcProtocol("grpc");
        Activity.Current?.SetTag("shop.stock.query", request.ToString()); // clean logging-objects
        Activity.Current?.SetTag("shop.stock.channel", $"stores/{request.StoreId}/stock"); // clean strings
        var count = 0;
        try
        {
            await foreach (var level in feed.WatchAsync(request.StoreId, request.Skus, context.CancellationToken))
            {
                await responseStream.WriteAsync(level);
                count++;
                Pushed.Add(1, new KeyValuePair<string, object?>("store", level.StoreId), new KeyValuePair<string, object?>("sku", level.Sku)); // clean precision-names
            }
        }
        catch (OperationCanceledException ex) when (context.CancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(ex, "Stock stream for {Store} cancelled after {Count}", request.StoreId, count); // clean exceptions
        }

        span.AddShoprpcStreamClosedEvent(count, $"store {request.StoreId}, {request.Skus.Count} SKUs"); // clean generated-api
        Meter.CreateShoprpcCallsCounter().Add(1, context.Method, context.Status.StatusCode.ToString(), request.StoreId); // clean generated-api
    }
}
