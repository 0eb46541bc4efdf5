namespace SafetyKit.Video;

// A video management system and a body-worn video platform, in the shape of Genetec, Milestone and Axon:
// fixed cameras, body-worn devices issued per shift, clips, exports for the police and redaction.

/// <summary>A request for footage from the police, an insurer or the person filmed.</summary>
public sealed record FootageRequest(string RequestId, string CameraId, DateTimeOffset From, DateTimeOffset To, string RequesterKind, string RequesterName, string RequesterEmail, string SubjectDescription, string Purpose);

/// <summary>A clip recorded on a body-worn camera. The device belongs to the operator; the wearer is a member of staff.</summary>
public sealed record BodyWornClip(string ClipId, string DeviceSerial, string WearerStaffNumber, DateTimeOffset Start, TimeSpan Duration, bool Flagged);

public sealed record ExportJob(string ExportId, string RequestId, int ClipCount, long Bytes, bool Redacted);

public interface IVideoManagementClient
{
    Task<ExportJob> ExportAsync(FootageRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BodyWornClip>> ClipsForShiftAsync(string depot, DateOnly day, CancellationToken cancellationToken = default);

    Task ExtendRetentionAsync(string clipId, TimeSpan by, CancellationToken cancellationToken = default);
}

/// <summary>The footage was overwritten before it could be kept (cameras keep 31 days).</summary>
public sealed class FootageOverwrittenException(string cameraId, DateTimeOffset from)
    : Exception($"Footage from camera {cameraId} at {from:O} has been overwritten")
{
    public string CameraId { get; } = cameraId;
}

/// <summary>A subject access request for footage refused; the message quotes the requester's email.</summary>
public sealed class SubjectAccessRefusedException(string requesterEmail, string reason)
    : Exception($"Footage request from {requesterEmail} refused: {reason}")
{
    public string Reason { get; } = reason;
}
