// Generated-style code for shop/v1/*.proto (package shop.v1).
namespace Shop.V1;

public sealed partial class OrderLine : IMessage<OrderLine>
{
    public string Sku { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public OrderLine Clone() => (OrderLine)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class PlaceOrderRequest : IMessage<PlaceOrderRequest>
{
    public string CustomerId { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string DeliveryPostcode { get; set; } = string.Empty;

    public string LoyaltyCard { get; set; } = string.Empty;

    public string StoreId { get; set; } = string.Empty;

    public RepeatedField<OrderLine> Lines { get; } = new();

    public PlaceOrderRequest Clone() => (PlaceOrderRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class PlaceOrderReply : IMessage<PlaceOrderReply>
{
    public string OrderId { get; set; } = string.Empty;

    public long TotalPence { get; set; }

    public PlaceOrderReply Clone() => (PlaceOrderReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class GetOrderRequest : IMessage<GetOrderRequest>
{
    public string OrderId { get; set; } = string.Empty;

    public GetOrderRequest Clone() => (GetOrderRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class OrderView : IMessage<OrderView>
{
    public string OrderId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string StoreId { get; set; } = string.Empty;

    public int LineCount { get; set; }

    public OrderView Clone() => (OrderView)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class StockQuery : IMessage<StockQuery>
{
    public string StoreId { get; set; } = string.Empty;

    public RepeatedField<string> Skus { get; } = new();

    public StockQuery Clone() => (StockQuery)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class StockLevel : IMessage<StockLevel>
{
    public string StoreId { get; set; } = string.Empty;

    public string Sku { get; set; } = string.Empty;

    public int OnHand { get; set; }

    public StockLevel Clone() => (StockLevel)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class Orders
{
    public const string ServiceName = "shop.v1.Orders";

    public static readonly Method<PlaceOrderRequest, PlaceOrderReply> PlaceOrderMethod = new(MethodType.Unary, ServiceName, "PlaceOrder");

    public abstract partial class OrdersBase
    {
        public virtual Task<PlaceOrderReply> PlaceOrder(PlaceOrderRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));

        public virtual Task<OrderView> GetOrder(GetOrderRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }

    public partial class OrdersClient
    {
        public virtual AsyncUnaryCall<PlaceOrderReply> PlaceOrderAsync(PlaceOrderRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}

public static partial class Stock
{
    public const string ServiceName = "shop.v1.Stock";

    public abstract partial class StockBase
    {
        public virtual Task WatchStock(StockQuery request, IServerStreamWriter<StockLevel> responseStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}
