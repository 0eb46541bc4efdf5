// Generated-style code for play/v1/*.proto (package play.v1).
namespace Play.V1;

public sealed partial class StartPlaybackRequest : IMessage<StartPlaybackRequest>
{
    public string SubscriberId { get; set; } = string.Empty;

    public string ProfileId { get; set; } = string.Empty;

    public string TitleId { get; set; } = string.Empty;

    /// <summary>The subscriber's own playback device.</summary>
    public string DeviceId { get; set; } = string.Empty;

    public StartPlaybackRequest Clone() => (StartPlaybackRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class PlaybackGrant : IMessage<PlaybackGrant>
{
    public string SessionId { get; set; } = string.Empty;

    /// <summary>A manifest URL signed with a token issued to the subscriber.</summary>
    public string ManifestUrl { get; set; } = string.Empty;

    public string Rendition { get; set; } = string.Empty;

    public PlaybackGrant Clone() => (PlaybackGrant)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ProgressUpdate : IMessage<ProgressUpdate>
{
    public string SessionId { get; set; } = string.Empty;

    public string ProfileId { get; set; } = string.Empty;

    public string TitleId { get; set; } = string.Empty;

    public int PositionSeconds { get; set; }

    public ProgressUpdate Clone() => (ProgressUpdate)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ProgressAck : IMessage<ProgressAck>
{
    public int Stored { get; set; }

    public ProgressAck Clone() => (ProgressAck)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ListRowsRequest : IMessage<ListRowsRequest>
{
    public string ProfileId { get; set; } = string.Empty;

    public string Territory { get; set; } = string.Empty;

    public ListRowsRequest Clone() => (ListRowsRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ListRowsReply : IMessage<ListRowsReply>
{
    public RepeatedField<string> TitleIds { get; } = new();

    public ListRowsReply Clone() => (ListRowsReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class Playback
{
    public const string ServiceName = "play.v1.Playback";

    public abstract partial class PlaybackBase
    {
        public virtual Task<PlaybackGrant> StartPlayback(StartPlaybackRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));

        public virtual Task<ProgressAck> ReportProgress(IAsyncStreamReader<ProgressUpdate> requestStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Browse
{
    public const string ServiceName = "play.v1.Browse";

    public abstract partial class BrowseBase
    {
        public virtual Task<ListRowsReply> ListRows(ListRowsRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}
