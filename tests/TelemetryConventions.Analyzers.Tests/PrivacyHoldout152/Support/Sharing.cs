namespace EarlyYears.Sharing;

// The parents' app: daily diaries, photos with consent, webcams in rooms and newsletters.

/// <summary>A child's daily diary. Prints entry id, child id, the child's first name, meals, nap minutes, nappy changes and the key person's note.</summary>
public sealed record DiaryEntry(string EntryId, string ChildId, string ChildName, string Meals, int NapMinutes, int NappyChanges, string Note);

/// <summary>A photo from a room. Holds photo id, room, the ids of the children tagged in it (a list: a record prints its type name) and whether consent was checked.</summary>
public sealed record DiaryPhoto(string PhotoId, string Room, IReadOnlyList<string> TaggedChildIds, bool ConsentChecked);

/// <summary>A parent watching a room's webcam. Prints the parent's account id, email, the camera and the parent's IP address.</summary>
public sealed record WebcamViewer(string ParentAccountId, string Email, string CameraId, string IpAddress);

/// <summary>A room's camera. Prints camera id, room and resolution.</summary>
public sealed record RoomCamera(string CameraId, string Room, string Resolution);

/// <summary>A newsletter issue. Prints issue id, setting, title and recipients.</summary>
public sealed record Newsletter(string IssueId, string SettingUrn, string Title, int Recipients);

/// <summary>The parents' app backend; not telemetry.</summary>
public interface IParentApp
{
    Task PublishAsync(DiaryEntry entry, CancellationToken cancellationToken = default);

    Task<bool> ConsentAsync(string childId, string purpose, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> RecipientsAsync(string settingUrn, CancellationToken cancellationToken = default);

    Task SendAsync(Newsletter issue, string email, CancellationToken cancellationToken = default);
}

/// <summary>A parent withdrew photo consent; quotes the child's first name.</summary>
public sealed class PhotoConsentWithdrawnException(string childName) : Exception($"Photo consent withdrawn for {childName}");

/// <summary>A camera is offline; quotes the camera.</summary>
public sealed class CameraOfflineException(string cameraId) : Exception($"Camera {cameraId} is offline");
