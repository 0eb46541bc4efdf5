// Generated-style code for match/v1/*.proto (package match.v1).
namespace Match.V1;

public sealed partial class QueueRequest : IMessage<QueueRequest>
{
    public string PlayerId { get; set; } = string.Empty;

    public string Mode { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    /// <summary>The gamertags of the party members queueing together.</summary>
    public RepeatedField<string> PartyGamertags { get; } = new();

    public string LeaveReason { get; set; } = string.Empty;

    public QueueRequest Clone() => (QueueRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class QueueUpdate : IMessage<QueueUpdate>
{
    public string MatchId { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public int EstimatedWaitSeconds { get; set; }

    public QueueUpdate Clone() => (QueueUpdate)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class GrantItemRequest : IMessage<GrantItemRequest>
{
    public string PlayerId { get; set; } = string.Empty;

    public string ItemSku { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public string ReceiptId { get; set; } = string.Empty;

    public GrantItemRequest Clone() => (GrantItemRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class GrantItemReply : IMessage<GrantItemReply>
{
    public string GrantId { get; set; } = string.Empty;

    public int StackSize { get; set; }

    public GrantItemReply Clone() => (GrantItemReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ReportPlayerRequest : IMessage<ReportPlayerRequest>
{
    public string ReporterId { get; set; } = string.Empty;

    public string ReportedGamertag { get; set; } = string.Empty;

    public string MatchId { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    /// <summary>What the reporting player typed.</summary>
    public string Comment { get; set; } = string.Empty;

    public ReportPlayerRequest Clone() => (ReportPlayerRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ReportPlayerReply : IMessage<ReportPlayerReply>
{
    public string CaseId { get; set; } = string.Empty;

    public ReportPlayerReply Clone() => (ReportPlayerReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class Matchmaking
{
    public const string ServiceName = "match.v1.Matchmaking";

    public abstract partial class MatchmakingBase
    {
        public virtual Task Queue(IAsyncStreamReader<QueueRequest> requestStream, IServerStreamWriter<QueueUpdate> responseStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Inventory
{
    public const string ServiceName = "match.v1.Inventory";

    public abstract partial class InventoryBase
    {
        public virtual Task<GrantItemReply> GrantItem(GrantItemRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));

        public virtual Task<ReportPlayerReply> ReportPlayer(ReportPlayerRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}
