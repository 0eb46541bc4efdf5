namespace Driving.Media;

// A broadcaster's learner-driver series: dashcam clip submissions and contributors.

/// <summary>A dashcam clip sent in. Prints clip id, uploader's email, the plate seen and where.</summary>
public sealed record DashcamClip(string ClipId, string UploaderEmail, string PlateSeen, string Location, int Seconds);

/// <summary>A contributor to the series. Prints id, name, email and mobile.</summary>
public sealed record Contributor(Guid ContributorId, string Name, string Email, string Mobile);

/// <summary>The desk's verdict on a clip. Prints clip id, verdict and score; names no one.</summary>
public sealed record ClipVerdict(string ClipId, string Verdict, int Score);

public interface IClipStore
{
    Task<DashcamClip?> FindAsync(string clipId, CancellationToken cancellationToken = default);

    Task<Contributor> ContributorAsync(Guid contributorId, CancellationToken cancellationToken = default);
}

/// <summary>No consent form from a contributor; quotes their email.</summary>
public sealed class ContributorConsentMissingException(string email) : Exception($"No consent form from {email}");

/// <summary>A clip is too long; quotes the clip id and its length.</summary>
public sealed class ClipTooLongException(string clipId, int seconds) : Exception($"Clip {clipId} is {seconds}s long");
